"""Steps of `sanqu demo`, one module each, run in the order of their `ORDER`.

Each module defines `ORDER`, `TITLE` (Chinese) and `run(demo: DemoRun) -> None`; a new step
is a new file here.
"""
