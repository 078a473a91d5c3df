"""Write the blank 附件2 绩效考核评分表 template shipped in templates/ (run from the repository root)."""

from __future__ import annotations

from pathlib import Path

from sanqu_cli.render.score_form import build_form
from sanqu_cli.rules import load_rules

TEMPLATE = Path("templates/附件2-绩效考核评分表.xlsx")


def main() -> None:
    build_form(load_rules()).save(TEMPLATE)
    print(f"wrote {TEMPLATE}")


if __name__ == "__main__":
    main()
