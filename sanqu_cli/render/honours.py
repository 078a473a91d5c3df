"""荣誉证书名单.xlsx: the certificates of the year, and the people to check by hand."""

from __future__ import annotations

from pathlib import Path

from sanqu_cli.compute.honours import HonourDecision
from sanqu_cli.outputs import atomic_output
from sanqu_cli.pii import Masker
from sanqu_cli.render.titled_table import write_titled_table
from sanqu_cli.rules import RuleSet

HONOURS_FILE = "荣誉证书名单.xlsx"
HONOURS_HEADERS = ["序号", "选派单位", "姓名", "身份证号", "获得依据", "历年考核等次", "备注"]
PENDING_HEADERS = ["序号", "选派单位", "姓名", "身份证号", "历年考核等次", "说明"]


def _sorted(decisions: list[HonourDecision]) -> list[HonourDecision]:
    return sorted(decisions, key=lambda decision: (decision.person.unit, decision.person.record.row))


def _id_text(decision: HonourDecision, masker: Masker) -> str | None:
    cell = decision.person.record.cell("id_number")
    shown = decision.person.id_number or (str(cell.raw) if cell is not None and cell.raw is not None else None)
    return masker.id_number(shown)


def write_honours(target: Path, year: int, honoured: list[HonourDecision], pending: list[HonourDecision],
                  rules: RuleSet, masker: Masker, force: bool = False) -> Path:
    """Write the list atomically; IDs are masked unless the masker shows them (--show-pii)."""
    from openpyxl import Workbook

    years = rules.history.honour_consecutive_years
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "荣誉证书名单"
    rows = [[serial, decision.person.unit, decision.person.name, _id_text(decision, masker), decision.basis_text,
             decision.grades_text, None] for serial, decision in enumerate(_sorted(honoured), start=1)]
    write_titled_table(sheet, f"{year}年度“三区”科技人才荣誉证书名单", HONOURS_HEADERS, rows,
                       notes=[f"注：依据《办法》第三十四条(一)，年度考核优秀或连续 {years} 年考核合格（含优秀）的选派人员颁发荣誉证书。"],
                       widths=[6, 24, 10, 22, 34, 34, 12])

    pending_sheet = workbook.create_sheet("待核实")
    rows = [[serial, decision.person.unit, decision.person.name, _id_text(decision, masker), decision.grades_text,
             "；".join(decision.notes)] for serial, decision in enumerate(_sorted(pending), start=1)]
    write_titled_table(pending_sheet, f"{year}年度因缺少某年度考核结果而暂未列入名单的人员", PENDING_HEADERS, rows,
                       notes=["注：某年度考核结果未提供时既不按合格也不按不合格处理。补齐该年度结果后重新运行 sanqu honours。"],
                       widths=[6, 24, 10, 22, 34, 60])

    with atomic_output(target, force) as temp:
        workbook.save(temp)
    return target
