"""The one error type wirediff raises for problems a user can fix."""


class WirediffError(Exception):
    """A problem with the input or the command line, worded for the user.

    The message names the file and the problem on one line; the CLI prints it and exits 2.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
