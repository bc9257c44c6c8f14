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
FIELD = "字段 {field}"
MORE_FILES = "另有 {count} 个文件有问题，未在此列出；运行 techvp validate 查看全部。"
MORE_ITEMS = "另有 {count} 条，未在此列出；运行 techvp validate 查看全部。"
