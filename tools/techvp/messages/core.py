"""Templates for reading files and checking records against their schema.

`{label}` is the field's Chinese title with its key path, e.g. 联系电话（contact.phone）.
"""

MESSAGES: dict[str, str] = {
    # reading and parsing
    "yaml.syntax": "YAML 格式错误：{problem}",
    "yaml.tab": "这一行用了制表符（Tab）缩进，YAML 只允许用空格缩进，请把 Tab 换成空格",
    "yaml.encoding": "文件不是 UTF-8 编码（常见于 Windows 记事本或 Excel 另存的 GBK 文件），"
    "请用“UTF-8”编码重新保存",
    "yaml.bom": "文件开头有 BOM 标记，建议保存为“UTF-8（无 BOM）”",
    "yaml.crlf": "文件使用 Windows 换行符（CRLF），建议改为 LF，以免比对差异时整行变化",
    "yaml.fullwidth-indent": "这一行用了全角空格“　”缩进，YAML 只允许半角空格缩进，"
    "请把全角空格换成半角空格（每级两个）",
    "yaml.inline-comment": "值后面的“ #”起是注释，“{dropped}”不会被读入。"
    "若“#”是内容的一部分，请给整个值加引号（如 '…… #2 ……'）；多行文字请用“|”；"
    "若只是备注，请把它移到单独一行",
    "yaml.control-char": "文件含有不可见的控制字符（{char}），请删除",
    "yaml.duplicate-key": "键“{key}”重复出现（第 {first_line} 行已有）。YAML 会悄悄只保留最后一个，"
    "请删除多余的一个",
    "yaml.alias": "不允许使用 YAML 锚点或别名（& 和 *），请把内容直接写出",
    "yaml.tag": "不支持 YAML 标签“{tag}”，请去掉它，直接写值",
    "yaml.complex-key": "键必须是简单的文字，不能是列表或结构",
    "yaml.multiple-documents": "一个文件只能写一条记录，但这里有多个由“---”分隔的文档",
    "yaml.empty": "文件是空的",
    "yaml.not-mapping": "文件顶层应是“键: 值”形式的记录，实际是{found}",
    "yaml.too-deep": "嵌套超过 {limit} 层，请检查缩进",
    "yaml.too-large": "文件大小 {size} 字节，超过上限 {limit} 字节",
    "yaml.unreadable": "无法读取文件：{reason}",
    # where files live
    "path.unexpected": "文件放错了位置：{hint}",
    "path.extension": "记录文件的扩展名应为 .yaml，而不是“{suffix}”",
    "path.bad-name": "文件名或目录名“{name}”不合规：只能用小写英文字母、数字和“-”，3–64 个字符",
    "path.symlink": "不允许使用符号链接（{target}）",
    "path.id-mismatch": "{key} 为“{value}”，与文件名“{expected}”不一致",
    "path.folder-mismatch": "{key} 为“{value}”，但文件位于“{folder}”目录下",
    "git.bad-ref": "找不到 Git 版本“{ref}”：应为分支名、标签或提交，如 origin/main（在 CI 中须先用 git fetch 获取该分支）",
    # Git history: a change to a record someone else submitted (a reviewer decides)
    "history.not-submitter": "这条记录由 {submitter} 于 {submitted} 首次提交，本次由 {changers} 修改："
    "请审核人确认修改已征得原提交人同意",
    # techvp demo: where it may write
    "demo.not-a-folder": "{out} 是一个文件，不是目录。请指定一个新目录，如 /tmp/techvp-demo",
    "demo.not-empty": "目录 {out} 不是空的。为免覆盖已有文件，示例仓库只生成到空目录或新目录："
    "请换一个目录，或加 --force 清空以前生成的示例仓库后重新生成",
    "demo.not-demo": "目录 {out} 不是 techvp demo 生成的示例仓库，--force 不会清空它，以免删除其中的文件。"
    "请换一个新目录，如 /tmp/techvp-demo",
    "demo.in-repository": "目录 {out} 位于已有提交的 Git 仓库 {repository} 中，不是 techvp demo 生成的"
    "示例仓库，--force 不会清空它，以免删除已提交的工作。请换一个仓库之外的新目录，如 /tmp/techvp-demo",
    "limit.files": "submissions/ 下有 {count} 个文件，超过上限 {limit}，其余文件未检查",
    "limit.time": "校验用时超过 {limit:g} 秒上限，其余 {remaining} 个文件未检查。"
    "请检查是否提交了异常文件，或联系维护者",
    # fields (from the record schemas)
    "field.missing": "缺少必填字段{label}",
    "field.blank": "{label}是必填项，不能留空",
    "field.unknown": "未知字段“{key}”{suggestion}",
    "field.type": "{label}应为{expected}，填写的是“{value}”",
    "field.choice": "{label}只能填写以下之一：{expected}；填写的是“{value}”",
    "field.date": "{label}不是有效日期（应为 YYYY-MM-DD，且日期存在），填写的是“{value}”",
    "field.datetime": "{label}应为带时区的日期时间，如 2022-03-15T17:00:00+08:00，填写的是“{value}”",
    "field.too-long": "{label}最多 {max_length} {unit}，现有 {actual} {unit}",
    "field.too-short": "{label}至少 {min_length} {unit}，现有 {actual} {unit}",
    "field.range": "{label}应{bound}，填写的是“{value}”",
    "field.decimals": "{label}小数位数过多或数值过大：“{value}”",
    "field.format": "{label}格式不正确：{hint}；填写的是“{value}”",
    "field.record-id": "{label}“{value}”不合规：只能用小写英文字母、数字和“-”，3–64 个字符",
    "field.credit-code-charset": "{label}“{value}”含有不允许的字符“{char}”（统一社会信用代码不使用 I、O、Z、S、V）",
    "field.credit-code-length": "{label}应为 18 位，填写的“{value}”为 {length} 位",
    "field.credit-code-checksum": "{label}“{value}”未通过校验（GB 32100-2015），很可能有字符输错，请对照营业执照逐位核对",
    "field.credit-code-org-checksum": "{label}“{value}”第 9–17 位（组织机构代码）未通过校验（GB 11714），很可能有字符输错，请对照营业执照逐位核对",
    "field.credit-code-division": "{label}“{value}”第 3–8 位“{division}”不是有效的行政区划代码",
    "field.yes-no": "{label}只能填写“是”或“否”（也可写 true / false）；“{value}”的意思不明确，请改为“是”或“否”",
    "field.phone": "{label}“{value}”不是有效的电话号码（手机 11 位，或固话如 027-85317029、85317029）",
    "field.email": "{label}“{value}”不是有效的电子邮箱",
    "field.patent-number": "{label}“{value}”不是有效的专利号（如 ZL202110123456.7 或 CN112345678A）",
    "field.patent-checksum": "{label}“{value}”未通过专利申请号校验，很可能有数字输错，请对照专利证书或国家知识产权局的公告逐位核对",
    "field.title-level": "职称“{title}”属于{expected}，与填写的职称级别“{value}”不一致",
    "field.even-month": "{label}应为双月（2、4、6、8、10、12 月），填写的是“{value}”",
    "field.report-months": "{label}应填写 {expected} 两个月的服务天数，填写的是 {value}",
    "field.days-in-month": "{label}：{month} 月服务 {value} 天，超过当月天数 {limit}",
    "field.summary-too-long": "工作总结（主要成绩与典型经验合计）最多 1500 字，现有 {actual} 字",
    "field.tranche-sum": "经费各次拨付合计 {total} 元，与每人经费 {expected} 元不一致",
    "field.duplicate-item": "{label}中“{value}”重复",
    "field.duplicate-region": "地区编号“{value}”重复",
    "field.requires": "{label}在{condition}时必须填写",
    "field.fail-reason": "考核结果为“不通过”时必须填写未通过原因（fail_reason）",
    "field.service-rule": "服务要求（service）需要填写每月最少天数或每年最少月数之一",
    "field.invalid": "{label}不正确：{detail}",
}

# How a pydantic error type becomes one of the codes above. Types not listed fall back to
# field.invalid; custom types raised by our validators are named after their code.
PYDANTIC_TYPES: dict[str, str] = {
    "missing": "field.missing",
    "extra_forbidden": "field.unknown",
    "string_type": "field.type",
    "int_type": "field.type",
    "int_parsing": "field.type",
    "int_from_float": "field.type",
    "float_type": "field.type",
    "float_parsing": "field.type",
    "decimal_type": "field.type",
    "decimal_parsing": "field.type",
    "bool_type": "field.type",
    "bool_parsing": "field.type",
    "list_type": "field.type",
    "dict_type": "field.type",
    "model_type": "field.type",
    "model_attributes_type": "field.type",
    "literal_error": "field.choice",
    "enum": "field.choice",
    "date_type": "field.date",
    "date_parsing": "field.date",
    "date_from_datetime_parsing": "field.date",
    "date_from_datetime_inexact": "field.date",
    "datetime_type": "field.datetime",
    "datetime_parsing": "field.datetime",
    "datetime_from_date_parsing": "field.datetime",
    "timezone_aware": "field.datetime",
    "string_too_long": "field.too-long",
    "too_long": "field.too-long",
    "string_too_short": "field.too-short",
    "too_short": "field.too-short",
    "greater_than": "field.range",
    "greater_than_equal": "field.range",
    "less_than": "field.range",
    "less_than_equal": "field.range",
    "decimal_max_digits": "field.decimals",
    "decimal_max_places": "field.decimals",
    "decimal_whole_digits": "field.decimals",
    "finite_number": "field.range",
    "int_parsing_size": "field.range",  # more digits than Python reads as a number (over 4,300)
    "string_pattern_mismatch": "field.format",
}

# What the user should have written, by pydantic error type.
EXPECTED_KIND: dict[str, str] = {
    "string_type": "文字",
    "int_type": "整数",
    "int_parsing": "整数",
    "int_from_float": "整数",
    "float_type": "数字",
    "float_parsing": "数字",
    "decimal_type": "数字",
    "decimal_parsing": "数字",
    "bool_type": "是或否（true / false）",
    "bool_parsing": "是或否（true / false）",
    "list_type": "列表（每项一行，以“- ”开头）",
    "dict_type": "“键: 值”形式的结构",
    "model_type": "“键: 值”形式的结构",
    "model_attributes_type": "“键: 值”形式的结构",
}

BOUNDS: dict[str, str] = {
    "greater_than": "大于 {gt}",
    "greater_than_equal": "不小于 {ge}",
    "less_than": "小于 {lt}",
    "less_than_equal": "不大于 {le}",
    "finite_number": "是有限的数",
    "int_parsing_size": "是位数合理的整数",
}

FOUND_KIND: dict[str, str] = {
    "list": "列表",
    "dict": "“键: 值”结构",
    "str": "文字",
    "NoneType": "空值",
}

# libyaml's English problem texts, in Chinese; anything not listed is shown as it comes.
YAML_PROBLEMS: dict[str, str] = {
    "mapping values are not allowed in this context": "此处不能出现“键: 值”（值里含有冒号时请给整个值加引号）",
    "did not find expected ',' or ']'": "方括号列表没有闭合，缺少“]”或“,”",
    "did not find expected ',' or '}'": "花括号结构没有闭合，缺少“}”或“,”",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合）",
    "mapping values are not allowed here": "此处不能出现“键: 值”（值里含有冒号时请给整个值加引号）",
    "could not find expected ':'": "缺少冒号“:”（每行应为“键: 值”）",
    "did not find expected key": "缩进不一致，找不到预期的键",
    "did not find expected '-' indicator": "列表缩进不一致，找不到预期的“- ”",
    "found character '\\t' that cannot start any token": "含有制表符（Tab），请改用空格",
    "found character that cannot start any token": "含有不能作为开头的字符（如 @ 或 `），请给值加引号",
    "found unknown escape character": "双引号内有无效的转义字符（如 \\x），请改用单引号",
    "did not find expected node content": "缺少内容",
    "found undefined alias": "使用了未定义的别名",
    "found unexpected ':'": "多余的冒号“:”",
    "did not find expected comment or line break": "值后面有多余的内容，请检查引号",
    "did not find expected alphabetic or numeric character": "锚点或别名名称不合规",
    "found duplicate anchor": "锚点名称重复",
    "control characters are not allowed": "含有不允许的控制字符",
    "found a tab character that violates indentation": "含有制表符（Tab）缩进，请改用空格",
    "found incomplete explicit document end marker": "文档结束标记“...”不完整",
    "expected <document start>, but found '<block mapping start>'": "多余的内容（缩进可能有误）",
    "block sequence entries are not allowed in this context": "这里不能开始列表（“- ”的缩进可能有误）",
    "found a tab character where an indentation space is expected": "含有制表符（Tab）缩进，请改用空格",
    "did not find expected <document start>": "文档结束标记“...”或分隔线“---”后面还有内容，请删除",
    "expected <block end>, but found": "缩进不一致（这一行的缩进与上文对不上）",
}

# A key followed by a full-width colon, as Chinese input methods type it.
FULLWIDTH_COLON = "键后面用了中文冒号“：”，请改为英文冒号加空格“: ”"

# The blank forms written by `techvp template`.
TEMPLATE_HEAD = (
    "# {title}：填好后保存为 {destination}\n"
    "# 在冒号后填写。必填项必须填写；选填项不需要时留空或整行删除，留空即表示不填。"
)
TEMPLATE_REQUIRED = "必填"
TEMPLATE_OPTIONAL = "选填"
TEMPLATE_INTERNAL = "不公开"
TEMPLATE_CHOICES = "可选："
TEMPLATE_DEFAULT = "不填即为“{default}”"
TEMPLATE_UNCOMMENT = "不填可保持原样；需要填写时，删去下面各行开头的第一个“#”"

# What an editor (yaml-language-server) shows when text misses a schema's pattern; the schemas
# carry these as `patternErrorMessage`. techvp's own messages above say the same at CI time.
EDITOR_HINTS: dict[str, str] = {
    "yes-no": "只能填写“是”或“否”（也可写 true / false）",
    "integer": "请填写 {low}–{high} 之间的整数",
    "money": "请填写数字，最多 4 位小数，如 3200.5",
    "record-id": "只能用小写英文字母、数字和“-”，3–64 个字符",
    "credit-code": "统一社会信用代码为 18 位数字或大写字母（不使用 I、O、Z、S、V），第 3–8 位为行政区划代码",
    "phone": "不是有效的电话号码（手机 11 位，或固话如 027-85317029、85317029）",
    "email": "不是有效的电子邮箱",
    "patent": "不是有效的专利号（如 ZL202110123456.7 或 CN112345678A）",
    "division": "应为 6 位行政区划代码，如 420102",
    "date": "日期写成 YYYY-MM-DD，如 2022-03-15",
    "datetime": "应为带时区的日期时间，如 2022-03-15T17:00:00+08:00",
    "github-handle": "应为 GitHub 用户名（如 wang-jiangan）或团队（如 techvp/city-office），不写“@”",
}

# A key typed `key:值` or `key:　值`: the colon is there, the half-width space after it is not.
NO_SPACE_AFTER_COLON = "冒号后要有一个半角空格：请把“键:值”改为“键: 值”"
FULLWIDTH_SPACE_AFTER_COLON = (
    "冒号后是全角空格“　”，YAML 要求半角空格：请改为“键: 值”（冒号后一个半角空格）"
)
# A line without a colon, and the same after a `key: text` line (a paragraph pasted on two lines).
MISSING_COLON_OR_BLOCK = (
    "缺少冒号“:”（每行应为“键: 值”；一段文字要分几行写时，请在冒号后写“|”，内容另起一行并缩进）"
)
CONTINUED_LINE = (
    "这一行没有“键: ”，像是上一行“{key}”的文字换行后接着写的。"
    "多行文字请写成“{key}: |”，内容另起一行、每行缩进两个空格"
)
