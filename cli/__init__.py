"""The ``wirediff`` command line: the top layer, which starts the app or writes reports."""
