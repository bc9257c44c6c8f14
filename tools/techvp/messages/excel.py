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
}

EXPERTS_NOTES = (
    "注：专利每项一行，写作“类型：专利名称（专利号）”，如“发明：一种激光焊接方法"
    "（ZL202110123456.7）”；研究领域、申报企业多项之间用顿号分隔。",
)
PATENT_KINDS = ("发明", "实用新型", "外观设计")

# CLI
EXPORT = (
    "按批次导出工作人员用的 Excel 汇总表（需求汇总表、科技人员汇总表），版式与通知附件一致，"
    "可直接打印盖章。含内部字段，只写入 --out 指定的目录，不会进入公开网站。"
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
TEMPLATES = "生成空白的 Excel 表格（需求汇总表、科技人员汇总表），地区、行业、是/否等栏有下拉列表。"
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
