"""Walking submissions/: where files must live, ids, duplicates, references, and resilience."""

from __future__ import annotations

from pathlib import Path

from techvp.repo import load_dataset
from tests.conftest import codes, run_validate
from tests.factories import BATCH, EXPERT, NEED, dump, full_repo, record, write, write_repo


def test_full_valid_repository_has_no_findings(tmp_path: Path) -> None:
    findings = run_validate(full_repo(tmp_path))
    assert codes(findings) == []
    assert findings.counts() == {"files": 6, "error": 0, "warning": 0, "priority": 0}


def test_dataset_is_indexed_by_id(tmp_path: Path) -> None:
    dataset, _ = load_dataset(full_repo(tmp_path))
    assert list(dataset.needs) == ["laser-weld"]
    assert (
        dataset.needs["laser-weld"].file == "submissions/needs/wuhan-2022/jiangan/laser-weld.yaml"
    )
    assert list(dataset.reports) == [("li-ming-hust", "2022-08")]


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    full_repo(tmp_path)
    write(tmp_path, "submissions/needs/wuhan-2022/jiangan/broken.yaml", "id: [unclosed\n")
    other = record(NEED, id="second", contact={"name": "王", "phone": "12"})
    write(tmp_path, "submissions/needs/wuhan-2022/jiangan/second.yaml", dump(other))
    findings = run_validate(tmp_path)
    files = {d.location.file for d in findings}
    assert files == {
        "submissions/needs/wuhan-2022/jiangan/broken.yaml",
        "submissions/needs/wuhan-2022/jiangan/second.yaml",
    }
    assert findings.files_checked == 8


def test_id_must_match_file_name(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[BATCH])
    write(tmp_path, "submissions/needs/wuhan-2022/jiangan/other-name.yaml", dump(NEED))
    assert codes(run_validate(tmp_path)) == [
        ("path.id-mismatch", "submissions/needs/wuhan-2022/jiangan/other-name.yaml", 1)
    ]


def test_batch_and_region_must_match_folders(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[BATCH])
    write(tmp_path, "submissions/needs/wuhan-2022/donghu-gaoxin/laser-weld.yaml", dump(NEED))
    [(code, _, line)] = codes(run_validate(tmp_path))
    assert (code, line) == ("path.folder-mismatch", 3)


def test_files_in_wrong_places_and_bad_names(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[BATCH])
    write(tmp_path, "submissions/needs/wuhan-2022/laser.yaml", dump(NEED))
    write(tmp_path, "submissions/need/x.yaml", "a: 1\n")
    write(tmp_path, "submissions/experts/wuhan-2022/李明.yaml", dump(EXPERT))
    write(tmp_path, "submissions/experts/wuhan-2022/li-ming.yml", dump(EXPERT))
    write(tmp_path, "submissions/experts/wuhan-2022/README.md", "说明")
    found = {(c, f) for c, f, _ in codes(run_validate(tmp_path))}
    assert found == {
        ("path.unexpected", "submissions/needs/wuhan-2022/laser.yaml"),
        ("path.unexpected", "submissions/need/x.yaml"),
        ("path.bad-name", "submissions/experts/wuhan-2022/李明.yaml"),
        ("path.extension", "submissions/experts/wuhan-2022/li-ming.yml"),
    }


def test_duplicate_id_across_batches(tmp_path: Path) -> None:
    batch2 = record(BATCH, id="wuhan-2023")
    write_repo(tmp_path, batch=[BATCH, batch2], need=[NEED, record(NEED, batch="wuhan-2023")])
    [(code, file, _)] = codes(run_validate(tmp_path))
    assert (code, file) == ("dup.id", "submissions/needs/wuhan-2023/jiangan/laser-weld.yaml")


def test_unknown_references_with_suggestions(tmp_path: Path) -> None:
    expert = record(EXPERT, applications=["laser-wled", "nothing-like-it"])
    need = record(NEED, region="hanyang", enterprise={**NEED["enterprise"], "industry": "光电信息"})
    write_repo(tmp_path, batch=[BATCH], need=[need], expert=[expert])
    findings = run_validate(tmp_path)
    by_code = {d.code: d for d in findings}
    assert sorted(by_code) == ["ref.unknown-industry", "ref.unknown-need", "ref.unknown-region"]
    unknown_needs = [d for d in findings if d.code == "ref.unknown-need"]
    assert [d.location.field for d in unknown_needs] == ["applications[0]", "applications[1]"]
    assert "您是不是想写“laser-weld”" in unknown_needs[0].message
    assert "jiangan" in by_code["ref.unknown-region"].message


def test_unknown_batch(tmp_path: Path) -> None:
    write_repo(tmp_path, need=[record(NEED, batch="wuhan-2099")])
    assert [c for c, _, _ in codes(run_validate(tmp_path))] == ["ref.unknown-batch"]


def test_reference_to_an_invalid_record_is_not_reported_as_unknown(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[BATCH], expert=[EXPERT])
    write(
        tmp_path,
        "submissions/needs/wuhan-2022/jiangan/laser-weld.yaml",
        dump(record(NEED, problem=None)),
    )
    assert [c for c, _, _ in codes(run_validate(tmp_path))] == ["field.missing"]


def test_symlink_is_refused_not_followed(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[BATCH])
    outside = tmp_path / "secret.yaml"
    outside.write_text("id: x\n")
    link = tmp_path / "submissions/needs/wuhan-2022/jiangan/link.yaml"
    link.parent.mkdir(parents=True)
    link.symlink_to(outside)
    assert codes(run_validate(tmp_path)) == [
        ("path.symlink", "submissions/needs/wuhan-2022/jiangan/link.yaml", 1)
    ]


def test_empty_and_non_mapping_files(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[BATCH])
    write(tmp_path, "submissions/experts/wuhan-2022/empty.yaml", "# 只有注释\n")
    write(tmp_path, "submissions/experts/wuhan-2022/listy.yaml", "- a\n- b\n")
    assert [c for c, _, _ in codes(run_validate(tmp_path))] == ["yaml.empty", "yaml.not-mapping"]
