"""Templates for the personal-data and secrets guard and for limits (techvp.guard)."""

_PURGE = "；如已提交，还须从 Git 历史中彻底清除（再提交一次删除不够）"

MESSAGES: dict[str, str] = {
    "guard.id-number": "{place}{at}含有居民身份证号码（尾号 {tail}）。仓库禁止存放身份证号码，请删除"
    + _PURGE,
    "guard.card-number": "{place}{at}含有银行卡号（尾号 {tail}）。仓库禁止存放银行账户信息，"
    "经费拨付账户只填在不提交的本地文件中，请删除" + _PURGE,
    "guard.secret": "{place}{at}含有{kind}。请立即到对应平台作废这个密钥，并从文件中删除" + _PURGE,
    "guard.accounts-file": "个人账户信息文件不能放进仓库（{why}）。请移到 local/ 目录（Git 已忽略）"
    "或仓库以外，用 git rm --cached 取消跟踪" + _PURGE,
    "guard.unreadable": "无法读取文件以检查个人信息：{reason}",
}

# What `place` says for each part of a file the guard looks at.
PLACE_TEXT = "文件内容中"
PLACE_NAME = "文件名或目录名中"
PLACE_DIFF = "新增内容中"

# Why a table is taken for an accounts file (guard.accounts-file).
ACCOUNTS_BY_NAME = "文件名表明其中是银行账户"
ACCOUNTS_BY_CONTENT = "{column} 列是银行卡号"
