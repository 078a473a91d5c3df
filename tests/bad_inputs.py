"""The bad-input corpus: files that offices, web systems and attackers send, each with the finding sanqu must report.

Each case builds its file into a folder (the zip bombs are files under tests/data/bad/, written
by tools/make_bad_inputs.py). `code` is the finding expected on the file, or None when the file
must be read as a roster of `records` people; `fragment` is a piece of the expected message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bad_builders import PEOPLE
from bad_formats import (csv_file, directory, empty_file, excel_lock_file, html_as_xls, html_login_page,
                         html_two_row_header, many_rows, ods_file, ods_repeated_value, pdf_named_xlsx, spreadsheet_xml,
                         word_named_xls, xml_not_a_table, zip_of_files)
from bad_xlsx import (absolute_paths, backslash_paths, chart_sheet_first, dimension_lie, far_cell, far_cell_other_case,
                      inline_strings, missing_shared_strings, namespace_prefix, no_row_references, only_hidden_sheets,
                      shared_formula, strict_ooxml, truncated_xlsx, wide_cell, xls_far_cell, xls_named_xlsx,
                      xlsx_named_xls, xml_bomb_shared_strings, xml_bomb_workbook, zip_bomb)


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], Path]
    code: str | None = None
    fragment: str = ""
    records: int = PEOPLE
    clean: bool = True  # a readable file whose rows pass every check


CASES = [
    Case("html_as_xls", html_as_xls),
    Case("html_two_row_header", html_two_row_header),
    Case("html_without_table", html_login_page, "F001", "网页"),
    Case("xml_without_table", xml_not_a_table, "F001", "XML 文档"),
    Case("xlsx_named_xls", xlsx_named_xls),
    Case("xls_named_xlsx", xls_named_xlsx, clean=False),
    Case("truncated_xlsx", truncated_xlsx, "F001", "损坏或不完整"),
    Case("zip_bomb_size", zip_bomb("zip-bomb-size.xlsx"), "F009", "超过安全上限 256 MB"),
    Case("zip_bomb_ratio", zip_bomb("zip-bomb-ratio.xlsx"), "F009", "压缩炸弹"),
    Case("xml_bomb_shared_strings", xml_bomb_shared_strings, "F001", "XML 炸弹"),
    Case("xml_bomb_workbook", xml_bomb_workbook, "F001", "XML 炸弹"),
    Case("empty_file", empty_file, "F001", "0 字节"),
    Case("directory", directory, "F001", "文件夹"),
    Case("only_hidden_sheets", only_hidden_sheets, "F003", "隐藏"),
    Case("far_cell", far_cell, "F009", "XFD1048576"),
    Case("far_cell_other_case", far_cell_other_case, "F009", "XFD1048576"),
    Case("wide_cell", wide_cell, "F009", "XFD200"),
    Case("many_rows", many_rows, "F009", "超过上限 200000 行"),
    Case("xls_far_cell", xls_far_cell, "F009", "65536×256"),
    Case("dimension_lie", dimension_lie),
    Case("inline_strings", inline_strings),
    Case("namespace_prefix", namespace_prefix),
    Case("absolute_part_paths", absolute_paths),
    Case("no_row_references", no_row_references),
    Case("missing_shared_strings", missing_shared_strings, "F001", "缺少内部部件 xl/sharedStrings.xml"),
    Case("shared_formula_without_values", shared_formula, "F007", "没有保存计算结果"),
    Case("chart_sheet_first", chart_sheet_first),
    Case("strict_ooxml", strict_ooxml),
    Case("backslash_part_names", backslash_paths, "F001", "反斜杠"),
    Case("csv_semicolon", csv_file("semicolon.csv", ";", "utf-8")),
    Case("csv_gbk_bytes", csv_file("gbk.csv", ",", "gbk")),
    Case("tsv_utf16", csv_file("unicode-export.txt", "\t", "utf-16")),
    Case("spreadsheet_xml_2003", spreadsheet_xml),
    Case("ods_with_repeated_rows", ods_file),
    Case("ods_repeated_value", ods_repeated_value, "F009", "5004 行 × 1000 列"),
    Case("word_file_named_xls", word_named_xls, "F001", "Word"),
    Case("zip_without_workbook", zip_of_files, "F001", "压缩包"),
    Case("pdf_named_xlsx", pdf_named_xlsx, "F001", "PDF 文档"),
    Case("excel_lock_file", excel_lock_file, "F001", "临时锁文件"),
]
