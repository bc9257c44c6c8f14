"""Templates for eligibility policies (techvp.policies); each message ends with its clause.

`MESSAGES` maps a diagnostic code to its template. `SOURCES` names the notice each built-in
profile comes from, and `CLAUSES` the section of that notice behind each rule, so a diagnostic
reads e.g. 年龄 47 岁，超过 45 岁上限（鄂经信科技〔2020〕73号 二(三)）.
"""

MESSAGES: dict[str, str] = {
    # batch: the policy and its parameters
    "policy.override-unknown": "未知的政策参数“{key}”{suggestion}",
    "policy.funding": "每人工作保障经费 {value} 元，与政策规定的 {limit} 元不一致"
    "（如确需调整，请在 policy_overrides 中设置 funding_per_person）",
    "policy.max-funding": "每人（每项）支持经费 {value} 元，超过 {limit} 元上限",
    "policy.service-days": "每月最少服务天数为 {value}，少于政策规定的 {limit} 天",
    "policy.service-months": "每年最少服务月数为 {value}，少于政策规定的 {limit} 个月",
    "policy.term-years": "服务期 {value} 年，与政策规定的 {limit} 年不一致",
    # experts
    "policy.title-level": "职称级别“{value}”，低于“{limit}”的要求",
    "policy.degree-or-title": "学位“{degree}”、职称级别“{value}”：须具有{alternative}学位或{limit}及以上职称",
    "policy.degree-or-title-relaxed": "学位“{degree}”、职称级别“{value}”，不满足{alternative}学位或{limit}"
    "及以上职称的要求；但{reason}，可适当放宽，请审核",
    "policy.research-output": "未填写{required}（专利 {patents} 项，其中发明专利 {inventions} 项；"
    "科研成果 {achievements} 项）",
    "policy.clean-record": "未确认近 3 年内无不良记录（clean_record_3y 为否）",
    "policy.institution-type": "派出单位类型为“{value}”，本批次只接受：{expected}",
    "policy.person-type": "人员类型为“{value}”，本批次只接受：{expected}",
    "policy.age": "年龄 {age} 岁，超过 {limit} 岁上限（按基准日 {reference_date} 计算）",
    "policy.age-relaxed": "年龄 {age} 岁，超过 {limit} 岁上限（按基准日 {reference_date} 计算）；"
    "但{reason}，可适当放宽，请审核",
    "policy.age-unconfirmed": "年龄 {age} 岁，超过 {limit} 岁上限（按基准日 {reference_date} 计算）；"
    "依据的需求“{need}”指定了该专家，但该需求本身有错误（{file}），放宽条件暂无法确认，"
    "请先修正该需求",
    "policy.age-priority": "年龄 {age} 岁，属 {limit} 岁（含）以下青年科技人才，同等条件下优先支持",
    "policy.contract-missing": "未填写聘用合同到期日（contract_end），无法判断剩余聘期是否满 {limit} 年，"
    "也未出具到期续聘证明",
    "policy.contract-years": "聘用合同 {value} 到期，按基准日 {reference_date} 剩余聘期不足 {limit} 年，"
    "且未出具到期续聘证明",
    "policy.training-pending": "技术经理人培训证书为“{value}”，须在到岗前取得{limit}及以上证书，请核实",
    "policy.training-certificate": "已到岗，但技术经理人培训证书为“{value}”，须具备{limit}及以上证书",
    # needs and enterprises
    "policy.credit-code-required": "本批次要求填写企业统一社会信用代码（enterprise.credit_code）",
    "policy.local-registration": "统一社会信用代码登记地为 {division}，不在本批次的{scope}范围内"
    "（登记地代码应以 {prefixes} 开头）",
    "policy.registration-district": "统一社会信用代码登记地为 {division}，与所在地区{region}（{region_code}）"
    "同市不同区；企业可能已迁址，请核实所在地区（region）和信用代码是否填写正确",
    "policy.registration-elsewhere": "统一社会信用代码登记地为 {division}，不在所在地区{region}"
    "（{region_code}）所在的市；请核实所在地区（region）和信用代码是否填写正确",
    "policy.qualification": "企业资质为“{value}”，须至少具备以下之一：{expected}",
    "policy.qualification-priority": "企业为{value}，优先支持",
    "policy.carrier-priority": "企业所在创新载体为{value}，优先支持",
    "policy.intended-amount": "项目意向金额 {value} 万元，低于 {limit} 万元",
    "policy.intended-amount-missing": "未填写项目意向金额（intended_amount），单个需求须不低于 {limit} 万元",
    "policy.no-employees": "企业从业人数填写为 0：接收“科技副总”的企业应有从业人员，请填写实际人数",
    "policy.enterprise-size": "企业从业人数 {employees} 人、上年营业收入 {revenue} 万元，按{standard}的标准"
    "（{limits}为中小微企业）属大型企业，本批次面向中小微企业",
    "policy.enterprise-size-review": "企业从业人数 {employees} 人、上年营业收入 {revenue} 万元，按{standard}的"
    "标准（{limits}为中小微企业）属大型企业；请核实企业所属细分行业或资产总额",
    "policy.enterprise-size-unmapped": "企业从业人数 {employees} 人、上年营业收入 {revenue} 万元，按任一行业"
    "标准均达到大型企业的从业人员和营业收入下限；所属行业“{industry}”未对应《中小企业划型标准规定》"
    "中的行业，请核实（可在批次 policy_overrides.size_industries 中设置行业对应）",
    "policy.category-required": "未填写需求类别（category），须为：{expected}",
    # across records
    "policy.duplicate-enterprise": "统一社会信用代码 {value} 与需求“{other}”为同一企业{hint}",
    "policy.enterprise-appointments": "企业“{enterprise}”（{value}）已有 {count} 名科技副总选派记录，"
    "超过 {limit} 名的上限：{others}",
    "policy.conflict-of-interest": "派出单位“{institution}”与企业“{enterprise}”的关联单位“{affiliated}”"
    "相同（创办、入股或孵化），存在利益冲突",
    "policy.late": "{what}提交时间 {now} 已超过截止时间 {deadline}（deadlines.{key}）；"
    "如确需延期，请修改批次截止时间",
}

# Extra wording used inside the templates above.
DUPLICATE_HINTS = {
    "error": "；每家企业只提交一条需求，需要多名科技副总时请在该需求中填写需求人数（capacity）",
    "warning": "，请核实是否重复申报（重复需求会影响各地名额分配）",
}
RELAX_NAMED = "需求“{need}”指定该专家且已协商一致"
RELAX_CORE_IP = "其拥有核心知识产权或成熟科技成果"
RELAX_EXCELLENT = "其上期（{batch}）考核优秀"
RESEARCH_ANY = "专利或科研成果"
RESEARCH_INVENTION = "发明专利或科研成果"
LOCAL_SCOPES = {"province": "省", "city": "市", "district": "区（县）"}
LATE_WHAT = {"needs": "企业需求", "experts": "专家申报"}
NONE = "无"
SIZE_LIMIT_PARTS = ("从业人员 {} 人以下", "营业收入 {} 万元以下", "资产总额 {} 万元以下")


def size_limits(employees: int | None, revenue: int | None, assets: int | None) -> str:
    """“从业人员 1000 人以下或营业收入 40000 万元以下”: one industry's limits, as the
    standard words them (“或”: meeting one is enough)."""
    values = (employees, revenue, assets)
    return "或".join(p.format(v) for p, v in zip(SIZE_LIMIT_PARTS, values, strict=True) if v)


NOT_GIVEN = "未填写"
LIST_SEP = "、"

# Where each profile comes from, and the section behind each rule key.
SOURCES: dict[str, str] = {
    "hubei-2020": "鄂经信科技〔2020〕73号",
    "wuhan-2022": "武汉市经信局2022年选派“科技副总”通知",
    "deepened": "《深化“科技副总”工作实施方案》",
    "special-action-2020": "鄂科技通〔2020〕67号",
}
_HUBEI = SOURCES["hubei-2020"]
_WUHAN = SOURCES["wuhan-2022"]
_DEEP = SOURCES["deepened"]
_SPECIAL = SOURCES["special-action-2020"]
_BY_REFERENCE = f"参照{_DEEP}二(二)1"

CLAUSES: dict[str, dict[str, str]] = {
    "hubei-2020": {
        "title": f"{_HUBEI} 二(二)",
        "research": f"{_HUBEI} 二(二)",
        "age": f"{_HUBEI} 二(三)",
        "clean-record": f"{_HUBEI} 二(四)",
        "institution-type": f"{_HUBEI} 二",
        "person-type": f"{_HUBEI} 二",
        "duplicate-enterprise": f"{_HUBEI} 四(二)",
        "conflict": _BY_REFERENCE,
        "sme": f"{_HUBEI} 一",
        "deadline-needs": f"{_HUBEI} 四(一)",
        "deadline-experts": f"{_HUBEI} 四(二)",
        "funding": f"{_HUBEI} 五(一)",
        "service-days": f"{_HUBEI} 三",
        "term": f"{_HUBEI} 三",
    },
    "wuhan-2022": {
        "title": f"{_WUHAN} 二",
        "research": f"{_WUHAN} 二",
        "age": f"{_WUHAN} 二；{_HUBEI} 二(三)",
        "clean-record": f"{_WUHAN} 二",
        "institution-type": f"{_WUHAN} 二",
        "person-type": f"{_WUHAN} 二",
        "qualification-priority": f"{_WUHAN} 四(一)、五(二)",
        "duplicate-enterprise": f"{_WUHAN} 四(四)",
        "conflict": _BY_REFERENCE,
        "sme": f"{_WUHAN} 一",
        "deadline-needs": f"{_WUHAN} 四(一)",
        "deadline-experts": f"{_WUHAN} 四(二)",
        "funding": f"{_WUHAN} 三",
        "service-days": f"{_WUHAN} 三",
        "term": f"{_WUHAN} 三",
    },
    "deepened": {
        "title": f"{_DEEP}二(一)3",
        "age": f"{_DEEP}二(一)3",
        "age-priority": f"{_DEEP}二(一)3",
        "institution-type": f"{_DEEP}一",
        "person-type": f"{_DEEP}二(一)1",
        "contract": f"{_DEEP}二(一)1",
        "training": f"{_DEEP}二(一)1",
        "credit-code": f"{_DEEP}二(二)1",
        "local": f"{_DEEP}二(二)1",
        "qualification": f"{_DEEP}二(二)2",
        "carrier-priority": f"{_DEEP}二(二)3",
        "duplicate-enterprise": f"{_DEEP}四 2",
        "experts-per-enterprise": f"{_DEEP}四 2",
        "conflict": f"{_DEEP}二(二)1",
        "sme": f"{_DEEP}一",
        "deadline-needs": f"{_DEEP}四 1",
        "deadline-experts": f"{_DEEP}四 2",
        "service-months": f"{_DEEP}四",
        "term": f"{_DEEP}四",
    },
    "special-action-2020": {
        "institution-type": f"{_SPECIAL} 二(一)",
        "person-type": f"{_SPECIAL} 二(一)",
        "credit-code": f"{_SPECIAL} 一(一)",
        "local": f"{_SPECIAL} 一(一)",
        "qualification": f"{_SPECIAL} 一(一)",
        "amount": f"{_SPECIAL} 一(一)",
        "category": f"{_SPECIAL} 一(二)",
        "experts-per-enterprise": f"{_SPECIAL} 四(二)",
        "conflict": _BY_REFERENCE,
        "sme": f"{_SPECIAL} 一(一)",
        "deadline-needs": f"{_SPECIAL} 四(一)",
        "deadline-experts": f"{_SPECIAL} 四(一)",
        "max-funding": f"{_SPECIAL} 四(二)",
    },
}
# When the batch changed the parameter, the batch file is the authority, not the notice.
OVERRIDE_CLAUSE = "批次“{batch}”policy_overrides.{param}"
# A rule a batch switched on where the notice says nothing.
BATCH_CLAUSE = "批次“{batch}”政策参数"

# `techvp eligibility`
VERDICTS = {"eligible": "合格", "not_eligible": "不合格", "review": "需复核"}
KIND_LABELS = {"expert": "科技人员", "need": "企业需求"}
WITHDRAWN = "需求已撤回"
UNREADABLE = "记录未通过格式校验，无法判断资格，请先修改 {file}"
PRIORITY_PREFIX = "优先："
TABLE_HEADERS = ("类型", "编号", "名称", "结论", "原因")
TABLE_SUMMARY = (
    "批次“{batch}”：共 {total} 条，合格 {eligible}，不合格 {not_eligible}，需复核 {review}"
)
UNREADABLE_NAME = "（无法读取）"
