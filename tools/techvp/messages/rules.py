"""Templates for policy and cross-record rules (see techvp.rules)."""

MESSAGES: dict[str, str] = {
    "ref.unknown-batch": "批次“{value}”不存在（submissions/batches/ 下没有 {value}.yaml）",
    "ref.unknown-region": "地区“{value}”不在批次“{batch}”的地区列表中，可选：{choices}{hint}",
    "ref.region-name": "地区应填写地区编号而不是名称：“{value}”是批次“{batch}”中地区{name}，"
    "请改为 region: {slug}",
    "ref.unknown-need": "需求“{value}”不存在{hint}",
    "ref.unknown-expert": "科技人员“{value}”不存在{hint}",
    "ref.other-batch": "{what}“{value}”属于批次“{other}”，与本记录的批次“{batch}”不一致",
    "ref.unknown-industry": "所属行业“{value}”不在批次“{batch}”的行业目录中{hint}",
    "dup.id": "编号“{value}”重复：{other} 中已有同一编号的{kind}",
}

# Appended to a message when a close match was found.
DID_YOU_MEAN = "，您是不是想写“{value}”？"
