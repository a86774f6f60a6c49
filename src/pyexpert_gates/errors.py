"""The errors that reach a user, each mapped to an exit code by the error handler."""


class GatesError(Exception):
    """A failure the user can fix; the message says what happened and what to do."""

    def __init__(self, message: str, *, exit_code: int = 2) -> None:
        """Store the message and the exit code.

        Args:
            message: The sentence printed to the user.
            exit_code: The process exit code the command ends with.
        """
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


class InputError(GatesError):
    """A file the user gave cannot be read, decoded or parsed; nothing was written."""


class ConfigError(GatesError):
    """The project's configuration is invalid: an unknown key, a wrong type, a clash."""


class UsageError(GatesError):
    """The command line is wrong: an unknown gate name, flags that exclude each other."""
