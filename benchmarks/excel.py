"""Time a 20,000-row 需求汇总表 export and import, each beside a floor measured in the same run.

- export: `write_form` (styled cells, merges, row heights, print setup, byte-identical zip)
  beside the floor of writing the same rows' values as CSV with the csv module;
- import: `import_file` (read, clean, validate, 20,000 YAML files written) into a repository
  holding only the batch, beside the floor of reading the file with python-calamine alone.

The rows are the shipped demo batch's needs repeated with numbered enterprise names.
Run by hand: python benchmarks/excel.py [--rows 20000]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from techvp.excel.forms import NEEDS, NeedRow, batch_time, need_rows
from techvp.excel.importer import import_file
from techvp.excel.layout import Sheet, cell_value, write_form
from techvp.repo import load_dataset

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2022, 3, 1, tzinfo=UTC)
STAMP = "填报单位（加盖公章）：市经信局  填报人：段志雄  联系方式：85317029  填报日期："


def rows(count: int) -> tuple[list[NeedRow], object]:
    dataset, _ = load_dataset(ROOT)
    batch = dataset.batches["wuhan-2022"].record
    base = need_rows(dataset, batch)
    out = []
    for i in range(count):
        row = base[i % len(base)]
        enterprise = row.need.enterprise.model_copy(
            update={"name": row.need.enterprise.name.replace("有限公司", f"{i}号有限公司")}
        )
        need = row.need.model_copy(update={"enterprise": enterprise})
        out.append(NeedRow(i + 1, need, row.region))
    return out, batch


def timed(label: str, action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"{label:<44} {seconds:7.2f} s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    table, batch = rows(args.rows)
    work = Path(tempfile.mkdtemp(prefix="techvp-excel-bench-"))
    xlsx = work / "需求汇总表.xlsx"
    title = NEEDS.title.format(year=2022)

    def export() -> None:
        write_form(NEEDS, [Sheet("汇总", title, table)], xlsx, batch_time(batch))  # type: ignore[arg-type]

    def export_floor() -> None:
        with (work / "rows.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([c.header for c in NEEDS.columns])
            for row in table:
                writer.writerow([cell_value(c.kind, c.value(row)) for c in NEEDS.columns])

    print(f"{args.rows} rows, {len(NEEDS.columns)} columns")
    ours_out = timed("export: techvp write_form", export)
    floor_out = timed("export floor: csv.writer, same values", export_floor)
    print(f"{'export ratio':<44} {ours_out / floor_out:7.2f}")
    print(f"{'file size':<44} {xlsx.stat().st_size / 1e6:7.2f} MB")

    filled = work / "filled.xlsx"  # as a district sends it: the stamp line filled in
    signed = replace(NEEDS, stamp=STAMP)
    write_form(signed, [Sheet("汇总", title, table)], filled, batch_time(batch))  # type: ignore[arg-type]
    repo = work / "repo"
    (repo / "submissions" / "batches").mkdir(parents=True)
    shutil.copy(ROOT / "submissions/batches/wuhan-2022.yaml", repo / "submissions/batches")

    def import_floor() -> None:
        from python_calamine import CalamineWorkbook

        CalamineWorkbook.from_path(str(filled)).get_sheet_by_index(0).to_python()

    outcome = None

    def run_import() -> None:
        nonlocal outcome
        outcome = import_file(filled, "wuhan-2022", repo, NOW)

    ours_in = timed("import: techvp import_file (writes YAML)", run_import)
    floor_in = timed("import floor: python-calamine read", import_floor)
    print(f"{'import ratio':<44} {ours_in / floor_in:7.2f}")
    written = len(outcome.written) if outcome else 0  # type: ignore[attr-defined]
    print(f"{'records written':<44} {written:7d}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
