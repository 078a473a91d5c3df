"""The command line: one module per command under `commands/`, each short."""
