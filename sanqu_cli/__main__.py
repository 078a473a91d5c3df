"""`python -m sanqu_cli` runs the same command line as `sanqu`."""

from sanqu_cli.cli.app import main

main()
