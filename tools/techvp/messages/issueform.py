"""Chinese text of the issue forms (techvp forms), their parsing (techvp from-issue) and the
comment the form-to-PR workflow keeps on the issue."""

# ---- the forms ----------------------------------------------------------------------------------

NEED_FORM = "企业需求（需求与技术创新难题信息表）"
NEED_ABOUT = "企业填写“科技副总”选派需求；提交后自动生成记录和合并请求，由工作人员审核。"
NEED_TITLE = "[企业需求] 请填写企业名称"
EXPERT_FORM = "科技人员申报"
EXPERT_ABOUT = "高校、科研院所科研人员申报担任“科技副总”；提交后自动生成记录和合并请求。"
EXPERT_TITLE = "[科技人员申报] 请填写姓名和单位"
INTRO = (
    "请逐项填写，标“*”的为必填项。提交后，程序会自动检查并在本议题下回复结果；"
    "有需要修改的地方，点击议题右上角的“…”→“编辑”（Edit）改好后保存即可，程序会重新检查。\n\n"
    "**公开与不公开**：标有“（不公开）”的内容只给区、市工作人员审核和联系使用，"
    "不会出现在公开网站上；其余内容审核通过后会在公开网站上公布。\n\n"
    "**请勿填写身份证号、银行卡号**：本仓库任何地方都不能出现这些信息。"
)
INTERNAL_MARK = "（不公开）"
INTERNAL_NOTE = "不公开：只给区、市工作人员审核和联系使用。"
GROUP_LABEL = "{group}{n}：{title}"
CONFIRM_LABEL = "确认"
CONFIRM_OPTION = "我确认所填内容真实，且没有填写身份证号、银行卡号"
HINTS = {
    "count": "填写数字，可带单位，如 120 或 约120人",
    "money": "填写数字，单位{unit}，如 8500；也可写 8500万元、1.2亿元",
    "date": "如 2022-03-15、2022年3月15日 或 2022.3.15",
    "lines": "每行一项",
    "names": "每行一项，也可用“、”分隔",
    "ids": "每行一个需求编号（在公开网站的需求目录中查看），如 guanggu-rui-guang-ji-guang",
    "patents": "每行一项：专利号 专利名称 专利类型（发明 / 实用新型 / 外观设计），"
    "如 ZL202110123456.7 一种激光焊接方法 发明",
}
UNITS = {"万元": "万元", "元": "元"}
PEOPLE = "人数"
# Where a model's description speaks of files and folders, the form says it for the submitter.
DESCRIPTIONS = {
    "batch": "本次选派工作",
    "region": "企业注册所在的区（开发区）",
}
BATCH_OPTION = "{title}（{id}）"

# ---- from-issue: diagnostics ------------------------------------------------------------------

MESSAGES: dict[str, str] = {
    "form.missing-heading": "表单缺少“{label}”一项：请不要删除或改动“### {label}”这一行标题，"
    "可以在议题中点“编辑”按原表单补上",
    "form.required": "“{label}”是必填项，不能留空",
    "form.not-number": "“{label}”应为数字（{hint}），填写的是“{value}”",
    "form.not-integer": "“{label}”应为整数，填写的是“{value}”",
    "form.bad-unit": "“{label}”的单位“{unit}”不是{expected}的单位，填写的是“{value}”",
    "form.not-date": "“{label}”应为日期（{hint}），填写的是“{value}”",
    "form.not-option": "“{label}”只能从下拉列表中选择：{choices}；填写的是“{value}”",
    "form.bad-patent": "“{label}”第 {line} 行看不出专利类型：每行写“专利号 专利名称 专利类型”，"
    "专利类型为发明、实用新型或外观设计之一；填写的是“{value}”",
    "form.unknown-batch": "“{label}”中的批次“{value}”在仓库中不存在，可选：{choices}",
    "form.not-a-form": "议题内容不是由“{form}”表单生成的：找不到任何表单项标题（### …）。"
    "请用“新建议题”中的“{form}”表单提交",
}
RECORD_PROBLEM = "“{label}”：{message}"
TEXT_PROBLEM = "{severity}：{message}"
TEXT_WRITTEN = "已写入：{path}（编号 {id}）"
TEXT_NOT_WRITTEN = "表单有错误，未写入记录。"

# ---- the issue comment (Markdown) ---------------------------------------------------------------

COMMENT_OK = (
    "### ✅ 已收到，检查通过\n\n"
    "已根据您填写的表单生成记录 `{path}`（编号 `{id}`），并提交了合并请求，等待工作人员审核。"
    "合并请求会显示在本议题下方的时间线中。"
)
COMMENT_WARNINGS = (
    "### ⚠️ 已收到，有需要工作人员判断的地方\n\n"
    "已生成记录 `{path}`（编号 `{id}`）并提交了合并请求。以下各项不影响提交，"
    "工作人员审核时会判断；如果是填写有误，请编辑议题改正："
)
COMMENT_ERRORS = (
    "### ❌ 需要修改\n\n"
    "表单中有以下问题，请点击议题右上角的“…”→“编辑”（Edit），按说明改好后保存，程序会自动重新检查："
)
COMMENT_ERRORS_WRITTEN = "（记录 `{path}` 已生成并放入合并请求，改正后会自动更新。）"
COMMENT_ITEM = "- **{label}**：{message}"
COMMENT_GENERAL = "整份记录"
COMMENT_WARNING_HEAD = "需要工作人员判断（不影响提交）："
COMMENT_PRIORITY_HEAD = "优先支持（供审核参考）："
COMMENT_FOOTER = "此回复由程序自动生成，编辑议题后会自动更新。"

# ---- the pull request the workflow opens (one per issue) ------------------------------------------

FORM_NAMES = {"need": "企业需求", "expert": "科技人员申报"}
PR_TITLE = "{form}：{name}（议题 #{issue}）"
PR_BODY = (
    "由议题 #{issue} 提交的表单自动生成记录 `{path}`（编号 `{id}`）。"
    "提交人编辑议题后，本合并请求会自动更新。\n\n"
    "审核时请看校验结果；合并后议题自动关闭。\n\nCloses #{issue}\n"
)
COMMIT_MESSAGE = "{form}：{name}（议题 #{issue}）\n\n由 techvp from-issue 根据议题表单生成。\n"
CO_AUTHOR = "Co-authored-by: {login} <{address}>\n"
NOREPLY = "{id}+{login}@users.noreply.github.com"
NOREPLY_OLD = "{login}@users.noreply.github.com"

# ---- CLI help --------------------------------------------------------------------------------

FORMS = "从记录模型和批次生成 GitHub 议题表单（.github/ISSUE_TEMPLATE/ 下的企业需求和科技人员申报表单）。"
FORMS_BATCH = "表单所属批次（下拉选项取自该批次的地区、行业）；默认为基准日最晚的批次"
FORMS_WRITTEN = "已写入：{path}"
FROM_ISSUE = (
    "把 GitHub 议题表单提交的内容转换为一条记录，写入它应在的位置，并像 techvp validate 一样校验。"
    "有错误时退出码为 1。"
)
FROM_ISSUE_FORM = "表单：need（企业需求）或 expert（科技人员申报）"
FROM_ISSUE_BODY = "议题正文所在的文件（GitHub 生成的 Markdown）"
FROM_ISSUE_BATCH = "批次编号；不填时取表单中选择的批次"
FROM_ISSUE_AUTHOR = "提交人的 GitHub 账号（写入需求的“提交账号”，并在提交说明中列为共同作者）"
FROM_ISSUE_AUTHOR_ID = "提交人 GitHub 账号的数字编号（用于共同作者的 noreply 邮箱）"
FROM_ISSUE_ISSUE = "议题编号：JSON 输出中给出合并请求的分支、标题、说明和提交说明"
FROM_ISSUE_COMMENT = "把给议题的回复（Markdown）写入此文件"
FROM_ISSUE_FORMAT = "输出格式：text（给人看）、json（给工作流）"
SHORT_HELP = {"forms": "生成 GitHub 议题表单", "from-issue": "议题表单内容 → 记录"}
