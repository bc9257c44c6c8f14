"""CLI help text and the few lines the CLI prints itself."""

MAIN = "techvp：“科技副总”选派工作的数据校验、匹配、统计与发布工具。"
ROOT = "仓库根目录（包含 submissions/ 的目录），默认为当前目录"
FORMAT = "输出格式：text（给人看）、json（给程序）、github（GitHub 工作流注释）、summary（给审核人看的 Markdown 摘要）"
NOW = "按此时间判断是否超过截止时间，ISO 8601 格式，如 2022-03-16T09:00:00+08:00；默认为当前时间"
BASE = (
    "Git 版本（如 origin/main）：只对相对于它新增的记录判断是否超过截止时间；"
    "不填时只判断尚未提交的新文件，不在 Git 仓库中时判断全部记录"
)
VALIDATE = "校验 submissions/ 下的全部记录，列出错误、警告和优先提示。有错误时退出码为 1。"
BUILD = "一次完成全部工作：校验，无错误时生成公开网站（默认写入 site/）。"
SCHEMA = "为每类记录生成 JSON Schema，供编辑器补全和提示字段说明。"
SCHEMA_OUT = "输出目录，默认 schemas/"
TEMPLATE = "为每类记录生成带中文注释的空白填写模板（企业和科技人员复制后填写）。"
TEMPLATE_OUT = "输出目录，默认 templates/"
TEMPLATE_WRITTEN = "已写入 {count} 个填写模板到 {out}"
DEMO = "生成一个完整、可通过校验的示例仓库（同一种子生成的内容完全相同），用于演示和性能测试。"
DEMO_OUT = "输出目录，须为新目录或空目录（将在其中创建 submissions/ 并提交为一个 Git 仓库）"
DEMO_NEEDS = "企业需求数量"
DEMO_EXPERTS = "科技人员数量"
DEMO_SEED = "随机种子"
DEMO_STAFF = "是否同时生成选派记录、服务报告和考核表"
DEMO_APPLICATIONS = "每名科技人员最多申报的需求数（在 1 与此数之间随机）"
DEMO_FORCE = "先清空输出目录（只能是以前生成的示例仓库）再生成"
DEMO_COMMIT = "示例仓库：{needs} 条企业需求，{experts} 名科技人员（随机种子 {seed}）"

SUMMARY = "共检查 {files} 个文件：{error} 个错误，{warning} 个警告，{priority} 个优先提示。"
NO_SUBMISSIONS = "在 {root} 下找不到 submissions/ 目录。请在仓库根目录运行，或用 --root 指定。"
BAD_NOW = "无法识别的时间“{value}”，应为 ISO 8601 格式，如 2022-03-16T09:00:00+08:00"
SCHEMA_WRITTEN = "已写入 {count} 个 JSON Schema 到 {out}"
DEMO_WRITTEN = (
    "已在 {out} 生成示例仓库并提交为 Git 仓库：{needs} 条需求，{experts} 名科技人员。"
    "校验：techvp validate --root {out}"
)
BUILD_FAILED = "校验未通过，已停止构建。"
BUILD_DONE = "构建完成。"
ELIGIBILITY = "列出一个批次的全部企业需求和科技人员：合格、不合格或需复核，以及原因和优先提示，供审核人逐条处理。"
ELIGIBILITY_BATCH = "批次编号，如 wuhan-2022"
ELIGIBILITY_FORMAT = "输出格式：text（表格）、json（给程序）"
SCAN_DIFF = (
    "检查相对 REF（如 origin/main）新增的全部内容和新文件名：已提交、已暂存、未暂存的修改和"
    "未被 Git 忽略的新文件都在检查之列（合并请求和提交前检查都适用）。"
    "不得含有身份证号码、银行卡号、私钥或访问令牌。发现时退出码为 1。"
)
SCAN_DIFF_REF = "比较的基准分支或提交，如 origin/main"
USAGE = "用法："
OPTIONS_METAVAR = "[选项]"
COMMAND_METAVAR = "命令 [参数]..."
# What a value is called in the help, by click's type name; choices list themselves.
METAVAR_DIR = "目录"
METAVAR_TIME = "时间"
METAVAR_BATCH = "批次"
METAVARS = {"text": "文字", "integer": "整数", "integer range": "整数", "float": "数字"}
ERROR = "错误：{message}  ({code})"

# What the list of commands in `techvp --help` says of each (the full help is above).
SHORT_HELP = {
    "validate": "校验全部记录",
    "build": "校验并生成全部输出",
    "eligibility": "列出一个批次的资格审核结论",
    "scan-diff": "检查新增内容中的身份证号码、银行卡号和密钥",
    "schema": "生成 JSON Schema",
    "template": "生成空白填写模板",
    "demo": "生成示例仓库",
}

# Problems with how the command was run or where (exit code 2), not with the records.
MESSAGES: dict[str, str] = {
    "root.no-submissions": NO_SUBMISSIONS,
    "git.no-repo": "{root} 不在 Git 仓库中，或仓库还没有任何提交，无法比较差异",
    "eligibility.unknown-batch": "批次“{batch}”不存在，可选：{choices}",
    "site.sources": "找不到网站的源文件（mkdocs.yml 和 site_templates/）：仓库根目录和 {checkout} 中都没有。"
    "请在 techvp 的源码目录中用 pip install -e . 安装",
    "os.failed": "无法读写“{path}”：{reason}",
    "build.output-crashed": "生成{output}的进程意外退出（可能是内存不足），没有完成；"
    "其他输出已写好。请释放内存后重新运行 techvp build",
}
# The outputs of techvp build, as the messages name them (techvp.build.OUTPUTS).
OUTPUT_NAMES = {"match": "匹配方案", "excel": "Excel 汇总表", "site": "公开网站"}
# Why the operating system refused, by errno name; others are shown as the system words them.
OS_REASONS = {
    "ENOENT": "文件或目录不存在",
    "EACCES": "没有权限",
    "EPERM": "没有权限",
    "ENOTDIR": "路径中有一段是文件而不是目录",
    "EISDIR": "这是一个目录",
    "EEXIST": "已经存在",
    "ENOSPC": "磁盘空间不足",
    "EROFS": "文件系统是只读的",
    "ENAMETOOLONG": "路径过长",
}

# click's own words (it looks them up through gettext), in Chinese. Keys are click's message ids
# exactly; tests/test_cli_chinese.py checks every id click uses for users is here.
CLICK: dict[str, str] = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "Aborted!": "已中止！",
    "deprecated": "已弃用",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": "提示：命令“{name}”已弃用。{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": "提示：“{name}”已弃用。{extra_message}",
    "Missing command.": "缺少命令。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Value must be an iterable.": "值应为多个值。",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，只给了 1 个。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个值，给了 {len} 个。",
    "env var: {var}": "环境变量：{var}",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "(dynamic)": "（动态）",
    "Do you want to continue?": "是否继续？",
    "Confirm the action without prompting.": "不经询问直接执行。",
    "Did you mean {possibility}?": "是否应为 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否应为以下之一：{possibilities}？）",
    "Invalid value: {message}": "无效的值：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "No such option {name!r}.": "没有选项“{name}”。",
    "No such command {name!r}.": "没有命令“{name}”。",
    "unknown error": "未知错误",
    "Could not open file {filename!r}: {message}": "无法打开文件“{filename}”：{message}",
    "Invalid start character for option ({option})": "选项的开头字符无效（{option}）",
    "Option {name!r} does not take a value.": "选项“{name}”不接受值。",
    "Option {name!r} requires an argument.": "选项“{name}”需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项“{name}”需要 {nargs} 个值。",
    "Argument {name!r} takes {nargs} values.": "参数“{name}”需要 {nargs} 个值。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "{value!r} is not {choice}.": "“{value}”不是 {choice}。",
    "{value!r} is not one of {choices}.": "“{value}”不是以下之一：{choices}。",
    "Choice({choices})": "选项（{choices}）",
    "{value!r} does not match the format {format}.": "“{value}”不符合格式 {format}。",
    "{value!r} does not match the formats {formats}.": "“{value}”不符合以下任一格式：{formats}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid {number_type}.": "“{value}”不是有效的数字。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "“{value}”不是有效的是/否值，可填：{states}",
    "{value!r} is not a valid UUID.": "“{value}”不是有效的 UUID。",
    "{len_type} values are required, but {len_value} was given.": "需要 {len_type} 个值，只给了 {len_value} 个。",
    "{len_type} values are required, but {len_value} were given.": "需要 {len_type} 个值，给了 {len_value} 个。",
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    "{name} {filename!r} does not exist.": "{name}“{filename}”不存在。",
    "{name} {filename!r} is a file.": "{name}“{filename}”是文件。",
    "{name} {filename!r} is a directory.": "{name}“{filename}”是目录。",
    "{name} {filename!r} is not readable.": "{name}“{filename}”不可读。",
    "{name} {filename!r} is not writable.": "{name}“{filename}”不可写。",
    "{name} {filename!r} is not executable.": "{name}“{filename}”不可执行。",
    "Press any key to continue...": "按任意键继续……",
    "Repeat for confirmation": "请再输入一次确认",
    "Error: The two entered values do not match.": "错误：两次输入不一致。",
    "Error: invalid input": "错误：输入无效",
    "{editor}: Editing failed": "{editor}：编辑失败",
    "{editor}: Editing failed: {e}": "{editor}：编辑失败：{e}",
}

# techvp build: the public site
SITE_DIR = "网站输出目录，默认为仓库根目录下的 site/"
BUILD_SITE_DONE = "网站已生成：{site}"
BUILD_STAFF_DONE = "工作人员文件（匹配方案、Excel 汇总表，含内部字段，不公开）已写入：{out}"

# techvp status / techvp funding (service lifecycle)
STATUS = (
    "列出一个批次每名选派人员在指定时间的状态（已选派、已签约、在岗、报告逾期、期满待考核、考核通过或未通过、"
    "未签约到岗、已终止、已替补），按地区计数，并列出需要处理的事项（谁哪一期报告逾期、谁过了到岗截止日仍未到岗、"
    "哪份考核表缺少意见等）。日期晚于 --now 的记录尚不计入。"
)
FUNDING = (
    "列出一个批次每名选派人员的支持经费各次拨付：是否应拨付、自哪天起、尚未拨付的原因；"
    "按地区和全批次合计。每次拨付至多一次，条件满足（到岗、考核通过）之前不拨付。"
)
LIFECYCLE_FORMAT = "输出格式：text（中文表格）、json（给程序）"
LIFECYCLE_SHORT_HELP = {"status": "列出选派人员状态和待办事项", "funding": "列出支持经费拨付情况"}
# techvp validate: the content-hash cache
NO_CACHE = (
    "不使用缓存：重新读取并检查每个文件。默认把每个文件的检查结果按内容哈希缓存在仓库根目录的 "
    ".techvp-cache/ 下（Git 忽略），再次检查时只重读改动过的文件，结果与不用缓存时完全相同"
)
