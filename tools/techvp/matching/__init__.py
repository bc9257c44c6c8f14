"""Matching: the quota split, affinity, the exact assignment and the result staff review.

For the outputs that read a proposal (Excel forms, the site):
- `techvp.matching.result.match_batch(views, rows, batch)` → `techvp.matching.records.MatchResult`
  (quota rows, assignments with components and matched terms, unmatched needs with reasons,
  recommendations both ways; `to_json()` is the form `match.json` holds);
- `techvp.matching.files.render(result)` / `write_files(result, out)`: the CSV and JSON files;
- `techvp build` writes them under build/match/<batch>/ (techvp.build.OUTPUTS).
"""
