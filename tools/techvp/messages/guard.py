"""Templates for the personal-data and secrets guard and for limits (techvp.guard)."""

_PURGE = "。请删除；如已提交，还须从 Git 历史中彻底清除（仅删除文件或改一行不够）"

MESSAGES: dict[str, str] = {
    "guard.id-number": "{place}含有居民身份证号码（尾号 {tail}）。仓库禁止存放身份证号码" + _PURGE,
    "guard.card-number": "{place}含有银行卡号（尾号 {tail}）。仓库禁止存放银行账户信息，"
    "经费拨付账户只在本地文件中填写" + _PURGE,
    "guard.secret": "{place}含有{kind}（密钥或访问令牌）。请立即删除，并到对应平台作废这个密钥"
    + _PURGE,
    "guard.unreadable": "无法读取文件以检查个人信息：{reason}",
    "limit.time": "校验已用时超过 {limit} 秒上限，其余 {remaining} 个文件未检查；请拆分提交或联系维护者",
    "limit.total-bytes": "submissions/ 下文件合计超过 {limit} 字节，其余 {remaining} 个文件未检查",
}

# What `place` says for each part of a file the guard looks at.
PLACE_TEXT = "文件内容中"
PLACE_NAME = "文件名或目录名中"
PLACE_DIFF = "新增内容中"
