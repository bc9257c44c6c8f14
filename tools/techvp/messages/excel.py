"""Chinese text of the Excel forms, their import and the excel commands."""

STAMP_LINE = (
    "填报单位（加盖公章）：                              填报人：                "
    "联系方式：                    填报日期："
)
TICK = "√"
YES = "是"
NO = "否"
CREATOR = "techvp"
CHOICE_ERROR = "请从下拉列表中选择"
CHOICE_ERROR_TITLE = "输入值无效"
CHOICE_PROMPT = "请从下拉列表中选择"
CHOICES_SHEET = "下拉列表"  # the hidden sheet of lists too long for a drop-down's rule
LIST_SEP = "、"

# 需求汇总表 (seed 000 附件2)
NEEDS_FILE = "需求汇总表"
NEEDS_TITLE = "{year}年企业“科技副总”选派需求汇总表（经信部门填报）"
NEEDS_ALL_SHEET = "汇总"
NEEDS_HEADERS = {
    "number": "序号",
    "region": "企业所在地",
    "name": "申报企业名称",
    "industry": "所属行业",
    "employees": "企业从业人数（名）",
    "revenue": "上年营业收入（万元）",
    "expert_field": "期望专家研究领域",
    "problem": "期望科技副总帮助解决的技术创新难题",
    "cooperation": "期望与“科技副总”派出单位开展的项目合作",
    "named": "指定专家",
    "institution1": "期望专家备选人员1所在单位",
    "name1": "期望专家备选人员1姓名",
    "agreed1": "是否已经协商一致",
    "institution2": "期望专家备选人员2所在单位",
    "name2": "期望专家备选人员2姓名",
    "agreed2": "是否已经协商一致",
    "unnamed": "不指定专家（打√）",
}
# Columns an import also reads when a district adds them (the seed's table has none of them).
NEEDS_EXTRA_HEADERS = {
    "credit_code": "统一社会信用代码",
    "category": "需求类别",
    "contact_name": "企业联系人",
    "contact_phone": "联系电话",
}

# 科技人员汇总表
EXPERTS_FILE = "科技人员汇总表"
EXPERTS_TITLE = "{year}年“科技副总”科技人员汇总表"
EXPERTS_HEADERS = {
    "number": "序号",
    "name": "姓名",
    "gender": "性别",
    "birth_date": "出生日期",
    "political_status": "党派",
    "institution": "派出单位",
    "department": "院系",
    "institution_type": "派出单位类型",
    "person_type": "人员类型",
    "title_group": "专业技术职称",
    "title": "职称",
    "title_level": "职称级别",
    "degree": "学位",
    "position": "职务",
    "research_fields": "研究领域",
    "patents": "专利",
    "clean_record": "近3年内无不良记录",
    "contact_group": "联系方式",
    "phone": "联系手机",
    "email": "电子邮箱",
    "applications": "申报企业",
    # From Git history (techvp.history), in exports only: date and who, e.g. 2022-03-01 张三.
    "history_group": "提交记录",
    "first_submitted": "首次提交",
    "last_changed": "最后修改",
}

EXPERTS_NOTES = (
    "注：专利每项一行，写作“类型：专利名称（专利号）”，如“发明：一种激光焊接方法"
    "（ZL202110123456.7）”；研究领域、申报企业多项之间用顿号分隔。",
)
PATENT_KINDS = ("发明", "实用新型", "外观设计")

# CLI
EXPORT = (
    "按批次导出工作人员用的 Excel 汇总表（需求汇总表、科技人员汇总表、匹配表，及考核验收通知的"
    "附件1–5），版式与通知附件一致，可直接打印盖章。含内部字段，只写入 --out 指定的目录，"
    "不会进入公开网站；银行账户只来自 --accounts 指定的本地文件。"
)
EXPORT_BATCH = "批次编号，如 wuhan-2022"
EXPORT_OUT = "输出目录"
EXPORT_REGION = "只导出这个地区（地区编号或名称）的需求"
EXPORT_WRITTEN = "已写入 {path}"
IMPORT = (
    "导入区经信部门填写的需求汇总表或科技人员汇总表（.xlsx 或 .xls；按表头识别是哪一种，"
    "一个文件可有多张工作表）。需求每行写成一条企业需求记录，放在 submissions/needs/<批次>/<地区>/ 下；"
    "科技人员每行写成一条人员记录，放在 submissions/experts/<批次>/ 下。"
    "整个文件没有错误才写入（或用 --partial）。"
)
IMPORT_FILE = "需求汇总表或科技人员汇总表文件（.xlsx 或 .xls）"
IMPORT_PARTIAL = "只写入没有错误的行，有错误的行列出后跳过"
IMPORT_WRITTEN = "已写入 {written} 条记录，跳过 {skipped} 行。"
IMPORT_NOTHING = "有错误，未写入任何文件。改正后重新导入，或用 --partial 只导入没有错误的行。"
TEMPLATES = (
    "生成空白的 Excel 表格（需求汇总表、科技人员汇总表），地区、行业、是/否等栏有下拉列表；"
    "另生成空白考核表（考核验收通知附件1）和个人账户信息模板（供 techvp export --accounts 使用，"
    "只在本地填写，切勿提交）。"
)
TEMPLATES_OUT = "输出目录"
TEMPLATES_BATCH = "按此批次的地区和行业目录生成下拉列表；不填时用仓库中唯一的批次"
SHORT_HELP = {
    "export": "导出 Excel 汇总表",
    "import-excel": "导入填写好的需求汇总表或科技人员汇总表",
    "excel-templates": "生成空白 Excel 表格",
}

MESSAGES: dict[str, str] = {
    "excel.unknown-region": "{where}：地区“{value}”不在批次 {batch} 中，可选：{choices}",
    "excel.unreadable": "无法读取表格“{path}”：{reason}",
    "excel.unsupported": "不支持的文件类型“{suffix}”，请另存为 .xlsx 或 .xls",
    "excel.no-header": "{where}：找不到表头：前 {rows} 行中没有“序号”“申报企业名称”（需求汇总表）或“姓名”“派出单位”（科技人员汇总表）所在的行",
    "excel.missing-column": "{where}：表头缺少“{column}”列",
    "excel.policy-column": "{where}：批次 {batch} 的政策要求填写{field}，表中没有“{column}”列，请增加此列后重新导入",
    "excel.no-contact": "{where}：表中没有企业联系人，导入时以表头的填报人作为联系人，但填报人或联系方式为空或无法识别（“{value}”）。请填写“填报人：”和“联系方式：”，或增加“企业联系人”“联系电话”两列",
    "excel.merged-data": "{where}：{range} 是合并单元格：数据区每行每列应各填一格，请取消合并后逐行填写",
    "excel.not-integer": "{where}：{column}应为整数，实为“{value}”",
    "excel.not-number": "{where}：{column}应为数字，实为“{value}”",
    "excel.not-yesno": "{where}：{column}应填“是”或“否”，实为“{value}”",
    "excel.required": "{where}：{column}不能为空",
    "excel.invalid": "{where}：填写不符合要求：{reason}",
    "excel.enterprise-exists": "{where}：“{name}”在本批次已有需求（{file}），本行未导入",
    "excel.duplicate-row": "{where}：“{name}”与第 {other} 行是同一家企业，本行未导入",
    "excel.accounts-column": "个人账户信息文件{where}缺少“{column}”列（应有：{columns}）",
    "excel.accounts-row": "个人账户信息文件{where}：{reason}",
    "excel.not-date": "{where}：{column}应为日期，如 1979-10-30，实为“{value}”",
    "excel.not-patent": "{where}：专利应每项一行，写作“发明：专利名称（专利号）”，实为“{value}”",
    "excel.unknown-enterprise": "{where}：申报企业“{value}”在批次 {batch} 中没有需求",
    "excel.ambiguous-enterprise": "{where}：“{value}”在本批次有多项需求（{ids}），请写作“企业名称（需求编号）”",
    "excel.expert-exists": "{where}：“{name}”（{institution}）在本批次已有记录（{file}），本行未导入",
    "excel.duplicate-person": "{where}：“{name}”（{institution}）与第 {other} 行是同一人，本行未导入",
    "excel.named-and-unnamed": "{where}：已填写指定专家，又在“不指定专家（打√）”栏打了√，请只选一种",
}

# The forms that follow a matching (no paper original in the seeds: laid out like the others).
QUOTA_FILE = "配额分配表"
QUOTA_TITLE = "{year}年“科技副总”选派名额分配表"
QUOTA_HEADERS = {
    "number": "序号",
    "region": "地区",
    "needs": "合格需求数（项）",
    "share": "占全批次需求比例",
    "quota": "分配名额（名）",
    "assigned": "匹配方案已安排（名）",
}
QUOTA_NOTES = (
    "注：名额按各地区合格需求数占全批次的比例用最大余数法分配，一个地区的名额不超过其合格需求数。",
)
RECOMMEND_FILE = "推荐对接清单"
RECOMMEND_TITLE = "{year}年“科技副总”双向推荐对接清单"
RECOMMEND_SHEETS = {"for_need": "向企业推荐专家", "for_expert": "向专家推送需求"}
RECOMMEND_HEADERS = {
    "number": "序号",
    "region": "企业所在地",
    "enterprise": "企业名称",
    "need": "需求编号",
    "rank": "推荐顺位",
    "expert": "专家姓名",
    "institution": "派出单位",
    "expert_id": "专家编号",
    "score": "匹配度",
    "terms": "匹配的研究方向用词",
}
SELECTION_FILE = "选派名单"
SELECTION_TITLE = "{year}年“科技副总”选派名单"
SELECTION_HEADERS = {
    "number": "序号",
    "region": "企业所在地",
    "enterprise": "接收企业",
    "name": "科技副总姓名",
    "institution": "派出单位",
    "title": "职称",
    "status": "状态",
    "score": "匹配度",
}
# Before any appointment record exists, the list is the matching's proposal, marked as such.
SELECTION_PROPOSED = "建议（待审定）"
SELECTION_PROPOSAL_NOTES = ("注：本名单为系统匹配方案，尚未审定；审定后以选派记录为准。",)

# Seed 002's forms (附件1–5). Titles keep the seed's words; {batch} stands for the seed's
# “湖北省第二批” (or “湖北省第四批”, “湖北省第二批省级”): the batch's name for it (lifecycle.batch_label).
# Parentheses and colons are full-width as in the other forms (the seed's text lost them).
STAMP_DISTRICT = (
    "各区经信局（盖章）：                              填报人：                    填报日期："
)
STAMP_ASSESSMENT = "各区党委组织部（盖章）：\n" + STAMP_DISTRICT
CHOICE_ON = "（√）"
CHOICE_OFF = "（  ）"
CHOICE_GAP = "    "
ASSESSED_CHOICES = ("通过验收", "不通过验收")
ACCOUNT_LABELS = ("开户行（含支行）：", "银行账号：")
OUTCOME_HEADERS = {
    "problems_solved": "解决技术难题数（个）",
    "transfers": "促成科技成果转化数（个）",
    "trainees": "为企业培训人次（位）",
    "talents": "为企业引进人才数（位）",
    "agreements": "达成项目协议数（个）",
    "agreement_amount": "达成协议金额（万元）",
    "platforms": "推动共建平台数（个）",
}
ASSESSMENTS_FILE = "附件2 考核验收情况汇总表"
ASSESSMENTS_TITLE = "{batch}“科技副总”服务中小微企业工作考核验收情况汇总表"
ASSESSMENTS_HEADERS = {
    "region": "市州",
    "number": "序号",
    "name": "“科技副总”姓名",
    "institution": "派出单位及院系",
    "title": "职称职务",
    "enterprise": "接收企业",
    "result": "考核验收总体意见",
    "fail_reason": "未通过考核验收的原因",
    "account": "通过验收的“科技副总”个人账号信息",
}
UNSIGNED_FILE = "附件3 未签约到岗、履职服务情况汇总表"
UNSIGNED_TITLE = "{batch}“科技副总”未签约到岗、履职服务情况汇总表"
UNSIGNED_HEADERS = {
    "number": "序号",
    "name": "“科技副总”姓名",
    "institution": "派出单位及院系",
    "title": "职称职务",
    "enterprise": "接收企业",
    "reason": "未能签约到岗、履职服务原因（300字以内）",
}
ACCOUNTS_FORM_FILE = "附件4 支持经费拨付个人账户信息采集表"
ACCOUNTS_FORM_TITLE = "{batch}“科技副总”支持经费第一次拨付个人账户信息采集表"
ACCOUNTS_FORM_HEADERS = {
    "name": "“科技副总”姓名",
    "gender": "性别",
    "political_status": "党派",
    "bank": "开户行（支行）",
    "account": "银行账号",
    "enterprise": "服务企业",
    "signed": "是否已与企业签约（是/否）",
    "on_duty": "是否到岗履职（是/否）",
    "effect": "服务成效（很好/一般/没有）",
    "satisfaction": "企业满意度（很满意/满意/不满意）",
    "phone": "联系手机",
}
SATISFACTION_CHOICES = ("很满意", "满意", "不满意")
STATISTICS_FILE = "附件5 服务中小微企业活动开展情况统计表"
STATISTICS_TITLE = "{batch}“科技副总”服务中小微企业活动开展情况统计表"
STATISTICS_REGION = ""  # the seed's top-left header cell is empty; the rows name the district
STATISTICS_BATCH = "批次"
STATISTICS_TOTAL = "合计"
STATISTICS_NOTE = "注：汇总数据为{batch}“科技副总”{years}服务期内取得的成效数据。"
YEARS = {1: "一年", 2: "两年", 3: "三年", 4: "四年", 5: "五年"}

# The accounts file (--accounts): bank details read at export time, never committed.
ACCOUNT_HEADERS = {
    "expert": "人员编号",
    "name": "姓名",
    "bank": "开户行（含支行）",
    "number": "银行账号",
}
ACCOUNTS_TEMPLATE_FILE = "个人账户信息（本地填写，勿提交）"
ACCOUNTS_TEMPLATE_SHEET = "个人账户信息"
ACCOUNTS_TEMPLATE_TITLE = "“科技副总”支持经费拨付个人账户信息（供 techvp export --accounts 使用）"
ACCOUNTS_TEMPLATE_STAMP = (
    "本文件含银行账号：只存放在仓库的 local/ 目录（Git 已忽略）或仓库以外，切勿提交。"
)
ACCOUNTS_TEMPLATE_NOTES = (
    "注：人员编号即科技人员记录的文件名（如 li-ming-hust），不填时按姓名对应（同批次姓名须唯一）；"
    "银行账号请设为文本格式填写，数字格式会丢失 15 位以后的数字。",
)
ACCOUNTS_NO_FILE = "文件不存在"
ACCOUNTS_NUMBER_AS_NUMBER = (
    "银行账号是数字格式，15 位以后的数字已丢失；请把该列设为文本格式后重新填写"
)
ACCOUNTS_BAD_NUMBER = "银行账号应为 8–30 位数字，实有 {value} 位"
ACCOUNTS_NO_BANK = "开户行（含支行）不能为空"
ACCOUNTS_TWICE = "人员 {id} 的账户填写了两次"
ACCOUNTS_UNKNOWN_ID = "人员编号“{value}”不在本批次的科技人员中"
ACCOUNTS_UNKNOWN_NAME = "姓名“{value}”不在本批次的科技人员中，请填写人员编号"
ACCOUNTS_AMBIGUOUS = "本批次有多名科技人员叫“{value}”，请填写人员编号"
EXPORT_ACCOUNTS = (
    "个人账户信息文件（.csv、.xlsx 或 .xls，空白模板由 techvp excel-templates 生成），"
    "只在导出时读取，用于填写附件2、附件4的银行账户栏；请放在 local/ 目录，切勿提交"
)

# 附件1 考核表 (seed 002), a printable form: one sheet per expert.
ASSESSMENT_FORM_FILE = "附件1 考核表"
ASSESSMENT_FORM_TITLE = "{batch}“科技副总”服务中小微企业考核表"
ASSESSMENT_FORM_BLANK_SHEET = "考核表"
ASSESSMENT_FORM = {
    "name": "姓名",
    "institution": "派出单位及院系",
    "title": "职务职称",
    "outcomes": "两年服务期内取得的成效数据",
    "first_fund": "是否足额领取了第一笔工作保障经费（3万元/人）",
    "funds_used": "是否将工作经费充分合理的运用于服务接收企业",
    "enterprise": "接收企业",
    "summary": "两年服务期工作情况总结报告",
    "work": "一、工作开展情况（必填，1500字以内）",
    "achievements": "（一）主要成绩",
    "experience": "（二）典型经验",
    "shortcomings": "二、存在的不足（必填，200字以内）",
    "suggestions": "三、工作建议（选填，200字以内）",
    "evaluation": "企业考核评价（由“科技副总”接收企业填写）",
    "indicator_name": "指标名称",
    "indicator_content": "指标内容",
    "indicator_value": "指标评价",
    "seal": "（盖章）",
}
INDICATORS = (
    ("指标1", "“科技副总”是否充分履行了签订四方项目合同书", "contract_fulfilled"),
    ("指标2", "“科技副总”是否提供了每月不少于7天的兼职服务", "days_met"),
    ("指标3", "“科技副总”是否帮助企业提升了创新能力", "innovation_improved"),
    ("指标4", "“科技副总”的创新成果是否帮助企业取得了经济效益", "economic_benefit"),
    ("指标5", "对“科技副总”服务企业的满意度", "satisfaction"),
    ("指标6", "“科技副总”是否存在违纪违法行为", "violations"),
)
SATISFACTION_LEVELS = ("很满意", "满意", "基本满意", "不满意")
VIOLATION_NOTE = "（如有，请在企业考核意见中说明）"
OPINIONS = (
    ("enterprise", "接收企业\n考核意见"),
    ("institution", "派出单位\n考核意见"),
    ("econ_dept", "经信部门\n考核意见"),
    ("org_dept", "组织部门\n考核意见"),
)
DATE_LINE = "{year}年{month}月{day}日"
DATE_BLANK = "        年      月      日"
ACCOUNTS_METAVAR = "文件"
