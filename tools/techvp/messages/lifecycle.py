"""Texts of the service lifecycle: appointment statuses, actions, funding (techvp.lifecycle),
the lifecycle rules' diagnostics, and the `techvp status` / `techvp funding` output."""

# Rules (techvp.policies.rules.lifecycle); each message ends with its clause.
MESSAGES: dict[str, str] = {
    "lifecycle.report-missing": "报告期 {period} 的服务报告应于 {due} 前报送，截至 {today} 仍未报送",
    "lifecycle.report-late": "报告期 {period} 的服务报告于 {submitted} 报送，晚于 {due} 的报送时间",
    "lifecycle.report-early": "报送日期 {submitted} 早于报告期 {period} 的开始（{start}），请核实",
    "lifecycle.report-unappointed": "科技人员“{expert}”没有选派记录或未签约到岗，不应有服务报告",
    "lifecycle.days-below": "{month} 服务 {value} 天，少于每月 {limit} 天的要求",
    "lifecycle.months-below": "{year} 年有服务的月份为 {value} 个，少于每年 {limit} 个月的要求"
    "（已报送该年全部服务报告）",
    "lifecycle.over-capacity": "需求“{need}”的需求人数为 {limit}，但有 {count} 名在岗或已选派的"
    "科技副总：{experts}",
    "lifecycle.opinions-missing": "服务期已于 {end} 期满，考核表缺少{which}",
    "lifecycle.result-missing": "考核表四方意见已齐全，但未填写考核验收总体意见（result）",
    "lifecycle.appointed-withdrawn": "选派到的需求“{need}”已撤回",
    "lifecycle.appointed-ineligible": "选派的{what}“{value}”不符合本批次条件（{file} 有错误），"
    "请先修正或改派",
    "lifecycle.outcomes-below": "考核表中“{field}”为 {value}，少于各期服务报告之和 {reported}",
    "lifecycle.contract-missing": "未填写技术开发合同金额（contract_amount），无法核对支持经费"
    "不高于合同金额",
    "lifecycle.funding-over-contract": "每人支持经费 {value} 元，高于技术开发合同金额 {limit} 元；"
    "拨付以合同金额为限",
}

CLAUSES = {
    "report": "武汉市委人才办、市经信局2023年跟踪评估和考核验收通知 一",
    "days": "鄂经信科技〔2020〕73号 三",
    "months": "《深化“科技副总”工作实施方案》三",
    "capacity": "企业需求的需求人数（capacity）",
    "assessment": "武汉市委人才办、市经信局2023年跟踪评估和考核验收通知 二、附件1",
    "appointed": "武汉市经信局2022年选派“科技副总”通知 四(四)",
    "outcomes": "武汉市委人才办、市经信局2023年跟踪评估和考核验收通知 附件1、附件5",
    "contract": "鄂科技通〔2020〕67号 四(二)",
}
OPINION_LABELS = {
    "enterprise": "接收企业考核意见",
    "institution": "派出单位考核意见",
    "econ_dept": "经信部门考核意见",
    "org_dept": "组织部门考核意见",
}
WHAT = {"need": "需求", "expert": "科技人员"}

# Statuses derived at `now` (techvp.lifecycle.status), as staff read them.
STATUS_LABELS = {
    "selected": "已选派",
    "signed": "已签约",
    "on_duty": "在岗（报告按时）",
    "overdue": "报告逾期",
    "assessing": "期满待考核",
    "passed": "考核通过",
    "failed": "考核未通过",
    "not_signed": "未签约到岗",
    "terminated": "已终止",
    "replaced": "已替补",
}
ACTIONS = {
    "report-overdue": "{name}（{expert}）：报告期 {periods} 的服务报告逾期未报送",
    "not-on-duty": "{name}（{expert}）：到岗截止日 {deadline} 已过，仍未签约到岗",
    "not-signed-unreplaced": "{name}（{expert}）：未签约到岗，尚未确定替补人选（replaced_by）",
    "assessment-missing": "{name}（{expert}）：服务期已满，尚无考核表",
    "opinions-missing": "{name}（{expert}）：考核表缺少{which}",
    "result-missing": "{name}（{expert}）：考核表尚未填写考核验收总体意见",
}
UNKNOWN_REGION = "（地区未知）"

# `techvp status`
STATUS_TITLE = "批次“{batch}”选派人员状态（截至 {day}；服务期 {start} 至 {end}）"
STATUS_HEADER = "地区"
STATUS_TOTAL = "合计"
ACTIONS_TITLE = "需要处理的事项（{count} 项）："
NO_ACTIONS = "没有需要处理的事项。"
LATE_NOTE = "{name}（{expert}）：报告期 {periods} 的服务报告逾期报送"
LATE_TITLE = "逾期报送（已补报）："

# `techvp funding`
TRANCHE_LABELS = {"on_duty": "到岗后拨付", "passed_assessment": "考核通过后拨付"}
FUNDING_REASONS = {
    "due": "应拨付",
    "not_on_duty": "尚未到岗",
    "not_signed": "未签约到岗，不拨付",
    "terminated": "已终止，不拨付",
    "replaced": "已由他人替补，不拨付",
    "not_assessed": "尚未考核",
    "failed": "未通过考核验收，不拨付",
    "capped": "已达支持经费上限，不再拨付",
}
FUNDING_TITLE = "批次“{batch}”支持经费拨付（截至 {day}；每人 {per_person} 元）"
FUNDING_HEADERS = ("地区", "科技人员", "姓名", "拨付时点", "金额（元）", "起始日期", "说明")
FUNDING_TOTALS_TITLE = "应拨付合计（元）："
FUNDING_TOTAL_LINE = "{region}：应拨付 {due} 元（{count} 笔），尚未满足条件 {pending} 元"
FUNDING_BATCH_LINE = "全批次：应拨付 {due} 元（{count} 笔），尚未满足条件 {pending} 元"
