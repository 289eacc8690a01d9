"""From an article's text to its fingerprint: furniture, quotations and posts masked, words hashed.

Lines that are page furniture (bylines, copyright lines, "Read more", share buttons, photo
credits, agency trailers such as "(Reporting by ...)") are left out of the body; a dateline is cut
from the front of its paragraph; quotations and embedded posts (tweets) stay in the body but are
masked from the *narrative*, the text that verification compares, so that two stories quoting the
same people never count as copies of each other. Every hash is blake2b of UTF-8 words, the same in
every process and on every machine (Python's ``hash()`` of a string is salted per process).
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterable, Sequence

from .model import Article, Fingerprint

NGRAM = 5
"""Words per shingle."""
ANCHOR_SAMPLE = 8
"""One shingle in this many (chosen by its hash) is an index anchor."""
NARRATIVE_SAMPLE = 2
"""One narrative shingle in this many (chosen by its hash) is kept for verification."""
_MASK64 = (1 << 64) - 1
_MULTIPLIER = 0x9E3779B97F4A7C15

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*|(?<!\.)[.!?](?=\s|$|[\"”’'])", re.UNICODE)
"""Words, and the full stops, question and exclamation marks that end a sentence."""
_ENDS = frozenset(".!?")
_QUOTE = re.compile(
    r"“[^”\n]{1,1500}”|\"[^\"\n]{1,1500}\"|«[^»\n]{1,1500}»|„[^“”\n]{1,1500}[“”]"
    # single quotes (the British style): an apostrophe inside a word neither opens nor closes
    r"|(?<!\w)‘(?:[^’\n]|’(?=\w)){1,1500}’(?!\w)"
    r"|(?<![\w'])'(?=[A-Z])(?:[^'\n]|'(?=\w)){1,1500}'(?!\w)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(A-Z0-9])")
AGENCIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("AFP", re.compile(r"\bAFP\b|Agence France[- ]Presse")),
    ("AP", re.compile(r"\(AP\)|\bAssociated Press\b|\bAP\b(?= —| -|\))")),
    ("Reuters", re.compile(r"\bReuters\b")),
    ("PA", re.compile(r"\(PA\)|\bPA Media\b|\bPress Association\b")),
    ("dpa", re.compile(r"\bdpa\b")),
    ("EFE", re.compile(r"\bEFE\b")),
    ("ANSA", re.compile(r"\bANSA\b")),
    ("Xinhua", re.compile(r"\bXinhua\b")),
    ("Kyodo", re.compile(r"\bKyodo\b")),
    ("UPI", re.compile(r"\bUPI\b")),
    ("Bloomberg", re.compile(r"\bBloomberg\b")),
)
"""Agencies whose credit marks a likely original, with the patterns that find it."""

_DATELINE_PREFIX = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,4},?\s*"
    r"(?:\((?:[A-Za-z .-]{1,20})\))?\s*(?:--|[-—–:•])\s+|"
    r"[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Za-z.'’-]+){0,4},?\s*\((?:AFP|AP|Reuters|PA|dpa|EFE|ANSA|"
    r"Xinhua|Kyodo|UPI|Bloomberg)[^)]{0,30}\)\s*(?:--|[-—–:])?\s*)"
)
"""``PARIS (AFP) -``, ``WASHINGTON —``, ``RABAT, Morocco --``, ``LONDON •``, ``Tokyo, Feb 6
(Reuters) -`` at the head of a paragraph."""
_BYLINE = re.compile(
    r"^\s*(?:by|par|von|por)\s+[A-Z][\w.'’-]*(?:[ ,&]+(?:and\s+)?[A-Z][\w.'’-]*){0,8}\s*"
    r"(?:[,|/-].{0,60})?$",
    re.IGNORECASE,
)
_FURNITURE_WORDS = (
    "©",
    "(c)",
    "copyright",
    "rights reserved",
    "read more",
    "sign up",
    "subscribe",
    "newsletter",
    "follow us",
    "share this",
    "share on",
    "advertisement",
    "click here",
    "contributed to this",
    "this article",
    "this story",
    "may not be",
    "cookie",
    "terms of",
    "privacy policy",
    "all times are",
    "all prices are",
    "download our",
    "download the",
    "account",
    "log in",
    "continue reading",
    "subscription",
    "subscriber",
    "unlimited",
    "billed",
    "cancel any",
    "e-edition",
    "non-commercial",
    "archived",
    "republication",
)
"""Words that mark furniture anywhere in a short line (a quick test before the regex)."""
_FURNITURE = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|\bread more\b|\bsign up\b|"
    r"\bsubscribe\b|\bnewsletter\b|\bfollow us\b|\bshare (?:this|on)\b|\badvertisement\b|"
    r"\bclick here\b|\bcontributed to this report\b|"
    r"\bthis (?:article|story) (?:was|has been|first)\b|"
    r"\bmay not be (?:published|reproduced)|\bcookies?\b|\bterms of (?:use|service)\b|"
    r"\bprivacy policy\b|\ball (?:times|prices) are\b|\bdownload (?:our|the) app\b|"
    r"\balready have an account\b|\blog in\b|\bto continue reading\b|"
    r"\bdigital subscription\b|\bsubscribers only\b|\bunlimited (?:reading|access|articles)\b|"
    r"\bbilled as\b|\bcancel any ?time\b|\be-edition\b|\bnon-commercial use\b|"
    r"\barchived (?:news )?(?:story|article)\b|\bconstitute a republication\b"
)
_FURNITURE_HEAD = re.compile(
    r"\s*(?:related|see also|more|tags?|photo|image|video|watch|listen|source|editing by|"
    r"reporting by|writing by|additional reporting|contact|email|comments?)\s*[:|]|"
    r"\s*\((?:reporting|writing|editing|additional reporting)\b"
)
"""Furniture recognised by its first words: "Related: …", "(Reporting by …)"."""
_STAMP = re.compile(
    r"^(?:[\w.'’-]+\s+){0,5}(?:published|updated|posted|last modified)\b[^.!?]{0,60}\d",
    re.IGNORECASE,
)
"""A publication stamp: "Umer Jamshaid Published February 06, 2025 | 04:30 PM"."""
_POST = re.compile(
    r"pic\.twitter\.com/|twitter\.com/|\bx\.com/|instagram\.com/|facebook\.com/|t\.co/|"
    r"—\s*[^()\n]{1,60}\(@\w{1,30}\)|^\s*@\w{1,30}\b|\(@\w{1,30}\)\s+\w+ \d{1,2}, \d{4}",
    re.IGNORECASE,
)
"""An embedded post (tweet, Instagram, Facebook) as it looks once the page is text."""

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our ours out over own
    said same says she should so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with would you your told on monday tuesday wednesday thursday friday saturday sunday
    year years told mr mrs ms""".split()
)

_word_cache: dict[str, int] = {}

_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "′": "'", "‐": "-", "‑": "-"})
"""Typographic apostrophes and hyphens as plain ones: one outlet's "nation’s" is another's
"nation's", and the two must hash alike."""


def fold(text: str) -> str:
    """``text`` case-folded, with typographic apostrophes and hyphens made plain."""
    return text.casefold().translate(_FOLD)


def word_hash(word: str) -> int:
    """The stable 64-bit hash of a word (blake2b)."""
    value = _word_cache.get(word)
    if value is None:
        value = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        if len(_word_cache) < 2_000_000:
            _word_cache[word] = value
    return value


def words(text: str) -> list[str]:
    """The words of ``text``, case-folded."""
    return _WORD.findall(fold(text))


def ngram_hashes(hashes: Sequence[int], n: int = NGRAM) -> list[int]:
    """Stable hashes of every run of ``n`` consecutive word hashes."""
    if len(hashes) < n:
        return [_mix(_combine(hashes))] if len(hashes) >= 3 else []
    m = _MULTIPLIER
    mask = _MASK64
    out = []
    for a, b, c, d, e in zip(hashes, hashes[1:], hashes[2:], hashes[3:], hashes[4:], strict=False):
        h = ((((a * m + b) * m + c) * m + d) * m + e) & mask
        out.append(h ^ (h >> 31))
    return out


def _combine(hashes: Sequence[int]) -> int:
    h = 0
    for value in hashes:
        h = (h * _MULTIPLIER + value) & _MASK64
    return h


def _mix(h: int) -> int:
    return h ^ (h >> 31)


def is_furniture(line: str, captions: bool = True) -> bool:
    """Whether a line is page furniture rather than story text.

    A photo caption (a line ending with a photo credit) is furniture unless ``captions`` is false.
    """
    stripped = line.strip()
    if not stripped:
        return True
    if captions and len(stripped) < 700 and _is_caption(stripped):
        return True
    if len(stripped) > 320:
        # a long promotion or disclaimer: "Your support helps us … Read more … Read more"
        if len(stripped) >= 1500:
            return False
        low = stripped.casefold()
        return any(word in low for word in _FURNITURE_WORDS) and len(_FURNITURE.findall(low)) >= 2
    if len(stripped) < 160 and (
        _BYLINE.match(stripped)
        or _STAMP.match(stripped)
        or (len(stripped) < 80 and _DIGIT.search(stripped) and _is_date_line(stripped))
    ):
        return True
    low = stripped.casefold()
    head = low[:40]
    if (":" in head or "|" in head or head.startswith("(")) and _FURNITURE_HEAD.match(low):
        return True
    return any(word in low for word in _FURNITURE_WORDS) and bool(_FURNITURE.search(low))


def is_post(line: str) -> bool:
    """Whether a line is (part of) an embedded social-media post."""
    return ("@" in line or ".com" in line or "t.co/" in line) and bool(_POST.search(line))


def hashes_of(text: str) -> list[int]:
    """The stable hashes of the words of ``text``."""
    get = _word_cache.get
    return [get(w) or word_hash(w) for w in _WORD.findall(fold(text))]


def strip_dateline(paragraph: str) -> str:
    """The paragraph without a leading dateline."""
    match = _DATELINE_PREFIX.match(paragraph)
    if match and match.end() < len(paragraph) and len(match.group(0).split()) <= 8:
        return paragraph[match.end() :]
    return paragraph


def credit_of(text: str) -> str:
    """The agency that ``text`` credits, from its first lines and last lines."""
    lines = [line for line in text.splitlines() if line.strip()]
    head = "\n".join(lines[:3] + lines[-3:])
    for name, pattern in AGENCIES:
        if pattern.search(head):
            return name
    return ""


_LEADING_DATE = re.compile(r"^(?:date\s*:?\s*)?\d{4}-\d{2}-\d{2}\s+(?=\S)", re.IGNORECASE)
"""A date scraped in front of a headline: "date 2025-02-06 Japan PM Heads To US"."""
_DATE_WORDS = frozenset(
    """jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july
    august september october november december mon tue wed thu fri sat sun monday tuesday
    wednesday thursday friday saturday sunday today updated published posted date last modified
    on at am pm a.m p.m gmt utc bst cet cest est edt cst cdt pst pdt ist and""".split()
)
"""What a line that is only a date or a time stamp is made of, besides numbers."""
_UI_WORDS = frozenset(
    """share comment comments print email e-mail facebook twitter pinterest linkedin whatsapp reddit
    tweet save menu search home skip main content article story clear icon watch listen video
    videos photo photos gallery advertisement error close open more news live loading on this to
    the of in for our us and a""".split()
)
"""What page controls and navigation are made of ("Share Comment on this story Comment")."""
_UI_ONLY = _UI_WORDS - frozenset("on this to the of in for our us and a".split())
_TITLE_NOT = re.compile(
    r"\bread time\b|^(?:tag(?:ged)?|archives?|category|filed under|section)\b[^:]{0,20}:|"
    r"\s(?:/|>|»|›|\|)\s.{0,40}$"
)
"""Lines that are not headlines: "Estimated read time", "Tag Archives: X", "News / World"."""
_TEASER_END = re.compile(r"(?:read more|continue reading|more)\W*$", re.IGNORECASE)
"""The line under a teaser of another story."""
_ROLE = re.compile(
    r"^[\w .'’-]{0,40}\b(?:reporter|correspondent|editor|writer|columnist|staff)s?\s*[,|]",
    re.IGNORECASE,
)
"""The second line of a byline: "Political reporter, BBC News"."""
_CAPTION = re.compile(
    r"(?:\((?:[\w.'’ -]{0,40}/)?[\w.'’ -]{0,40}"
    r"(?:Photo|Picture|Pic|via AP|via AFP|via Reuters|Images)\b[^()]{0,80}\)"
    r"|\bvia (?:REUTERS|Reuters|AP|AFP|Getty Images)|Photo credit should read\b.{0,80}"
    r"|\bPhoto by [^.]{1,80}|\bPic(?:ture)?\s*[:/]\s*\S[^.]{0,60}|\bCredit:\s*\S[^.]{0,40})\W*$"
)
"""A photo caption, recognised by the credit that ends it: "(AP Photo/Noah Berger)", "… via
REUTERS", "(Photo by … /Getty Images)", "(Picture: AFP)", "Pic/Getty Images", "Credit: PA"."""
TITLE_LENGTH = 90
HEAD_LINES = 12
"""How many lines at the top may be furniture before the headline or the lead."""


_DIGIT = re.compile(r"\d")
_CREDIT_WORDS = ("Photo", "photo", "Pic", "via ", "Images", "Credit")


def _is_caption(line: str) -> bool:
    """Whether a line ends with a photo credit (the words looked for first, the pattern then)."""
    tail = line[-200:]
    return any(word in tail for word in _CREDIT_WORDS) and bool(_CAPTION.search(tail))


def _is_date_line(line: str) -> bool:
    """Whether a line holds only a date or time stamp ("Monday, May 14, 2012", "Jun 10 7:39 AM")."""
    tokens = re.findall(r"[^\W\d_]+(?:\.[^\W\d_]+)*|\d+", line.casefold())
    return (
        any(token.isdigit() for token in tokens)
        and all(token.isdigit() or token in _DATE_WORDS for token in tokens)
        and len(tokens) <= 14
    )


def _not_text(line: str) -> bool:
    """Whether a line at the top of a page is furniture, a stamp, a control or a caption.

    Such lines are neither the headline nor the lead: bylines, dates, "Share Comment",
    "Skip to main content", section paths, a site name or section label of one or two words,
    lines made mostly of numbers and symbols (phone numbers, "1/2"), photo captions.
    """
    low = line.casefold()
    found = words(line)
    if len(found) < 3 or is_furniture(line):
        return True
    if all(word in _UI_WORDS for word in found) and any(word in _UI_ONLY for word in found):
        return True
    if (_TITLE_NOT.search(low) or _ROLE.match(line)) and len(found) <= 8:
        return True
    if "@" in line or "http" in low or "www." in low:
        return True
    letters = sum(character.isalpha() for character in line)
    if letters < 0.6 * len(line.replace(" ", "")):
        return True
    return len(_FURNITURE.findall(low)) >= 2


def split_title(text: str) -> tuple[str, list[str]]:
    """The headline (a short line without a final full stop) and the lines after it.

    Page furniture at the top (bylines, date stamps, share buttons, site names and section
    labels, photo captions, a long promotion with two furniture markers such as "Your support …
    Read more … Support Now", teasers of other stories followed by "Read more") is passed over;
    the first line of text is the headline when it is short and does not end a sentence. Without
    a headline the title is the start of the lead, its dateline cut, and every line is returned.
    """
    lines = text.splitlines()
    head = lines[:HEAD_LINES]
    for position, raw in enumerate(head):
        line = _LEADING_DATE.sub("", raw.strip().lstrip("# ").strip())
        if not line or _not_text(line):
            continue
        if len(line.split()) <= 25 and not line.endswith((".", "”", '"')):
            following = next((n.strip() for n in head[position + 1 :] if n.strip()), "")
            if _TEASER_END.match(following):
                continue  # a teaser of another story: "… / Read more"
            return line, lines[position + 1 :]
        return _shortened(strip_dateline(line)), lines
    for raw in lines:
        line = _LEADING_DATE.sub("", raw.strip().lstrip("# ").strip())
        if line:
            return _shortened(line), lines
    return "", []


def _shortened(line: str) -> str:
    title = " ".join(line.split())
    if len(title) > TITLE_LENGTH:
        title = title[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return title


def fingerprint(article: Article) -> Fingerprint:
    """Everything the index, verification and the original's choice need of one article."""
    title, lines = split_title(article.text)
    title = article.title or title
    body_hashes: list[int] = []
    anchors: set[int] = set()
    quote_anchors: set[int] = set()
    narrative: set[int] = set()
    sentences: list[tuple[int, ...]] = []
    get = _word_cache.get
    stopwords = STOPWORDS
    ends = _ENDS
    paragraphs = [raw for raw in _paragraphs(lines) if not is_furniture(raw)]
    if not paragraphs:
        # a photo page: its captions are all the text it has
        paragraphs = [raw for raw in _paragraphs(lines) if not is_furniture(raw, captions=False)]
    if not paragraphs:
        # every line looks like furniture (a page that is one lead ending "…Read More" under its
        # headline): the page's own text is all it has, so it is kept rather than lost
        paragraphs = [_cut_read_more(raw) for raw in _paragraphs(article.text.splitlines())]
    for raw in paragraphs:
        paragraph = strip_dateline(raw)
        if is_post(paragraph):
            paragraph_hashes = hashes_of(paragraph)
            body_hashes.extend(paragraph_hashes)
            for h in ngram_hashes(paragraph_hashes):
                if h % ANCHOR_SAMPLE == 0:
                    anchors.add(h)
                    quote_anchors.add(h)
            continue
        paragraph_hashes = []
        spans = []
        terms: dict[int, None] = {}  # in the order they first appear
        for piece, quoted in _split_quotes(paragraph):
            start = len(paragraph_hashes)
            if quoted:
                paragraph_hashes.extend(hashes_of(piece))
            else:
                # one pass: word hashes, and each sentence's content terms (ended by . ! ?)
                for token in _TOKEN.findall(fold(piece)):
                    if token in ends:
                        if len(terms) >= 4:
                            sentences.append(tuple(terms))
                        terms = {}
                        continue
                    h = get(token) or word_hash(token)
                    paragraph_hashes.append(h)
                    if token not in stopwords:
                        terms[h & 0xFFFFFFFF or 1] = None
            spans.append((start, len(paragraph_hashes), quoted))
        if len(terms) >= 4:
            sentences.append(tuple(terms))
        if not paragraph_hashes:
            continue
        body_hashes.extend(paragraph_hashes)
        grams = ngram_hashes(paragraph_hashes)
        anchors.update(h for h in grams if h % ANCHOR_SAMPLE == 0)
        for start, end, quoted in spans:
            inside = grams[start : end - NGRAM + 1] if end - start >= NGRAM else []
            if quoted:
                quote_anchors.update(h for h in inside if h % ANCHOR_SAMPLE == 0)
            else:
                narrative.update(h for h in inside if h % NARRATIVE_SAMPLE == 0)
    for sentence_terms in sentences:
        anchors.update(sentence_sketch(sentence_terms))
    for sentence_terms in sentences[:LEAD_SENTENCES]:
        anchors.update(sentence_sketch(sentence_terms, LEAD_SEEDS))
    body_key = hashlib.blake2b(array("Q", body_hashes).tobytes(), digest_size=16).hexdigest()
    packed_sentences = array("I")
    for sentence_terms in sentences:
        packed_sentences.extend(sentence_terms)
        packed_sentences.append(0)
    return Fingerprint(
        body_key=body_key,
        title=title,
        anchors=pack(anchors),
        quote_anchors=pack(quote_anchors),
        narrative=pack(narrative),
        sentences=packed_sentences.tobytes(),
        words=len(body_hashes),
        credit=credit_of(article.text),
    )


def pack(hashes: Iterable[int]) -> bytes:
    """Sorted 64-bit hashes as bytes (8 per hash, machine order)."""
    return array("Q", sorted(hashes)).tobytes()


def unpack(packed: bytes) -> array[int]:
    """The hashes packed by ``pack``."""
    return array("Q", packed)


def unpack_sentences(packed: bytes) -> list[tuple[int, ...]]:
    """The per-sentence term hashes packed by ``fingerprint``."""
    out: list[tuple[int, ...]] = []
    current: list[int] = []
    for value in array("I", packed):
        if value:
            current.append(value)
        else:
            out.append(tuple(current))
            current = []
    return out


def fingerprints(articles: Iterable[Article]) -> list[Fingerprint]:
    """Fingerprints of a batch (the unit of work the engines send to a worker)."""
    return [fingerprint(article) for article in articles]


_READ_MORE_END = re.compile(r"[\s.…]*\b(?:read more|continue reading)\W*$", re.IGNORECASE)


def _cut_read_more(paragraph: str) -> str:
    """The paragraph without a final "…Read More" or "Continue reading" link."""
    return _READ_MORE_END.sub("", paragraph)


def _paragraphs(lines: Sequence[str]) -> list[str]:
    """Lines grouped into paragraphs (blank lines separate; a hard-wrapped paragraph is joined)."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            if current and (is_furniture(line) or is_furniture(current[-1]) or is_post(line)):
                paragraphs.append(" ".join(current))
                current = []
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _split_quotes(paragraph: str) -> list[tuple[str, bool]]:
    """The paragraph cut into (text, inside quotation marks) pieces."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _QUOTE.finditer(paragraph):
        if match.start() > position:
            pieces.append((paragraph[position : match.start()], False))
        pieces.append((match.group(0), True))
        position = match.end()
    if position < len(paragraph):
        pieces.append((paragraph[position:], False))
    return pieces


SKETCH_SEEDS = (0x2545F4914F6CDD1D, 0x5851F42D4C957F2D, 0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9)
"""Fixed permutations of term hashes: each gives one sketch key per sentence."""
SKETCH_MIN_TERMS = 6
LEAD_SEEDS = (0x94D049BB133111EB, 0xD6E8FEB86659FD93, 0xA0761D6478BD642F, 0xE7037ED1A0B428DB)
"""More permutations for the lead (the first sentence) of a text: a brief, a first alert or a
spun copy often has little more than its lead to share with its source's lead, and more keys make
it likelier that two such leads share the two a short text needs to be a candidate."""
LEAD_SENTENCES = 1
"""How many sentences at the top get them (two measured no better on the real pile and made 1%
more pairs of variants sharing an anchor)."""


def sentence_sketch(terms: Sequence[int], seeds: Sequence[int] = SKETCH_SEEDS) -> list[int]:
    """Keys shared by sentences that share most content words (reworded, reordered).

    For each permutation, the two smallest permuted term hashes make one key; two sentences
    sharing a third of their content words share a given key about one time in ten.
    """
    if len(terms) < SKETCH_MIN_TERMS:
        return []
    keys = []
    for seed in seeds:
        permuted = sorted([(t * seed) & 0xFFFFFFFF for t in terms])
        key = ((permuted[0] << 32 | permuted[1]) + seed) * _MULTIPLIER & _MASK64
        keys.append(key ^ (key >> 31) | 1)
    return keys


def sentences_of(text: str) -> list[str]:
    """The sentences of a text, split by a plain rule (for ranking reuse in ``find``)."""
    _, lines = split_title(text)
    out: list[str] = []
    for raw in _paragraphs(lines):
        if is_furniture(raw) or is_post(raw):
            continue
        out.extend(s.strip() for s in _SENTENCE_END.split(strip_dateline(raw)) if s.strip())
    return out
