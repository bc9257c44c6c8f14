"""Text for the Git forge side: the reviewer's job summary, `--severity`, `techvp codeowners`."""

# techvp validate --severity
SEVERITY = "只列出此级别及以上的问题：error（只列错误）、warning（错误和警告）、priority（全部，默认）；末尾的计数总是完整的"
HIDDEN = "（只列出了{shown}；其余问题未列出，去掉 --severity 即可查看全部）"
SHOWN = {"error": "错误", "warning": "错误和警告"}

# techvp validate --format summary: the job summary a reviewer reads (GitHub-flavoured Markdown)
SUMMARY_TITLE = "## techvp 校验结果"
VERDICT_ERRORS = "**有 {error} 个错误，不能合并。** 请提交人按下面各文件中的说明修改后再推送，推送后会自动重新校验。"
VERDICT_WARNINGS = (
    "**没有错误；有 {warning} 个警告需要审核人判断。** 逐条核实下面“需要审核人决定”中的情况，"
    "认可后即可合并，不认可请在合并请求中说明理由。"
)
VERDICT_CLEAN = "**全部通过：没有错误和警告，可以合并。**"
DECIDE_TITLE = "### 需要审核人决定"
DECIDE_INTRO = "警告不阻止合并，但需要审核人逐条核实：符合政策规定的例外情形才能认可。"
PRIORITY_TITLE = "### 优先提示"
PRIORITY_INTRO = "以下记录按政策应优先考虑，匹配和选派时请留意。"
FILES_TITLE = "### 逐个文件"
FILE_COLUMNS = "| 文件 | 错误 | 警告 | 优先提示 |"
AT_LINE = "第 {line} 行"
AT_LINE_COLUMN = "第 {line} 行第 {column} 列"
AT_FILE = "整个文件"
CHANGED = "（本次改动）"
FIELD = "字段 {field}"
MORE_FILES = "另有 {count} 个文件有问题，未在此列出；运行 techvp validate 查看全部。"
MORE_ITEMS = "另有 {count} 条，未在此列出；运行 techvp validate 查看全部。"

# techvp codeowners
CODEOWNERS_HELP = (
    "根据批次文件中的审核人生成 .github/CODEOWNERS：各地区的企业需求由地区审核人审核，"
    "批次文件、科技人员申报、选派记录、服务报告和考核表由市级审核人审核。"
    "文件中标记行以上的内容保持不变。"
)
CODEOWNERS_MARKER = "# ---- 以下由 techvp codeowners 根据批次文件中的审核人生成，请勿手工修改 ----"
CODEOWNERS_INTRO = [
    "# 修改审核人：编辑 submissions/batches/<批次>.yaml 中的 reviewers（市级）和",
    "# regions[].reviewers（地区），再运行 techvp codeowners。同一文件匹配多行时，最后一行生效。",
]
NO_CITY_REVIEWERS = "# （本批次未填写市级审核人 reviewers）"
CODEOWNERS_WRITTEN = "已写入 {path}"
CODEOWNERS_FAILED = "批次文件有错误，未写入 CODEOWNERS。"
SHORT_CODEOWNERS = "生成 .github/CODEOWNERS"
