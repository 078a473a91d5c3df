"""sanqu: checks and year-end tables for Tibet's “三区”科技人才 programme (藏科发〔2022〕93号).

The library works without the command line::

    from sanqu_cli.validate import ValidateOptions, validate_paths
    report = validate_paths([Path("roster.xlsx")], ValidateOptions())
"""

__version__ = "0.1.0"
