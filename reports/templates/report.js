(function () {
  "use strict";
  var root = document.documentElement;
  var boxes = document.querySelectorAll("input[data-toggle]");
  function apply(box) {
    root.classList.toggle(box.getAttribute("data-toggle"), box.checked);
  }
  for (var i = 0; i < boxes.length; i++) {
    apply(boxes[i]);
    boxes[i].addEventListener("change", function (event) { apply(event.target); });
  }
  var toggles = document.getElementById("toggles");
  if (toggles) { toggles.hidden = false; }
  root.setAttribute("data-toggles", "ready");
})();
