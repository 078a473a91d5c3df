"""The one exception type for a run that cannot proceed (bad option, missing input, output exists).

Problems in the data are findings, never exceptions; this is for what stops the command.
The message is Chinese and explains what to do. The command line prints it and exits with 2.
"""


class CannotRun(Exception):
    """The command cannot proceed; the message is shown to the user as it is."""
