"""Real reference data for the demo batch: Wuhan's districts, its industry clusters, institutions.

People and enterprises in the demo are fictional; places, codes and institutions are real.
"""

from __future__ import annotations

# The demo batch, a file under submissions/batches/.
BATCH_ID = "wuhan-2022"

# (slug, name, GB/T 2260 code). Development zones have no county code of their own: 420100.
REGIONS: list[tuple[str, str, str]] = [
    ("jiangan", "江岸区", "420102"),
    ("jianghan", "江汉区", "420103"),
    ("qiaokou", "硚口区", "420104"),
    ("hanyang", "汉阳区", "420105"),
    ("wuchang", "武昌区", "420106"),
    ("qingshan", "青山区", "420107"),
    ("hongshan", "洪山区", "420111"),
    ("dongxihu", "东西湖区", "420112"),
    ("hannan", "汉南区", "420113"),
    ("caidian", "蔡甸区", "420114"),
    ("jiangxia", "江夏区", "420115"),
    ("huangpi", "黄陂区", "420116"),
    ("xinzhou", "新洲区", "420117"),
    ("donghu-gaoxin", "东湖新技术开发区", "420100"),
    ("wuhan-jingkai", "武汉经济技术开发区", "420100"),
    ("changjiang-xinqu", "长江新区", "420100"),
]

# Who reviews the demo batch on GitHub (`techvp codeowners`): teams of a fictional organisation,
# the city office (市经信局) for the batch and staff records, one team per district for its needs.
CITY_REVIEWERS: list[str] = ["techvp/city-office"]
DISTRICT_REVIEWERS: dict[str, list[str]] = {s: [f"techvp/district-{s}"] for s, _, _ in REGIONS}

# The batch's controlled vocabulary for 所属行业: Wuhan's key industry clusters (seed 000, "51020").
INDUSTRIES: list[str] = [
    "光电子信息",
    "汽车制造和服务",
    "生物医药及医疗器械",
    "高端装备制造",
    "新材料",
    "节能环保",
    "新能源与智能网联汽车",
    "软件和信息技术服务",
    "现代农业与种业",
    "食品加工",
    "北斗及空天信息",
    "建筑与绿色建材",
]

# Each of those industries under 《中小企业划型标准规定》 (工信部联企业〔2011〕300号), so the
# size rule judges the demo's enterprises by the right limits; a list means "check each".
_INDUSTRIAL = (
    "光电子信息 汽车制造和服务 生物医药及医疗器械 高端装备制造 新材料 节能环保 "
    "新能源与智能网联汽车 食品加工 北斗及空天信息"
)
SIZE_INDUSTRIES: dict[str, list[str]] = {
    **{name: ["工业"] for name in _INDUSTRIAL.split()},
    "软件和信息技术服务": ["软件和信息技术服务业"],
    "现代农业与种业": ["农、林、牧、渔业"],
    "建筑与绿色建材": ["建筑业", "工业"],
}

# name, type (seed 003 categories), aliases (for conflict-of-interest matching), departments.
INSTITUTIONS: list[dict[str, object]] = [
    {
        "name": "华中科技大学",
        "type": "高校",
        "short": ["华中科大", "华科"],
        "departments": [
            "机械科学与工程学院",
            "光学与电子信息学院",
            "材料科学与工程学院",
            "能源与动力工程学院",
            "计算机科学与技术学院",
            "生命科学与技术学院",
            "土木与水利工程学院",
            "武汉光电国家研究中心",
        ],
    },
    {
        "name": "武汉大学",
        "type": "高校",
        "short": ["武大"],
        "departments": [
            "测绘遥感信息工程国家重点实验室",
            "电气与自动化学院",
            "化学与分子科学学院",
            "资源与环境科学学院",
            "动力与机械学院",
            "药学院",
            "计算机学院",
        ],
    },
    {
        "name": "武汉理工大学",
        "type": "高校",
        "short": ["武汉理工", "武理工"],
        "departments": [
            "材料科学与工程学院",
            "汽车工程学院",
            "机电工程学院",
            "硅酸盐建筑材料国家重点实验室",
            "交通与物流工程学院",
            "信息工程学院",
        ],
    },
    {
        "name": "华中农业大学",
        "type": "高校",
        "short": ["华农"],
        "departments": [
            "水产学院",
            "植物科学技术学院",
            "食品科学技术学院",
            "动物科学技术学院",
            "生命科学技术学院",
            "资源与环境学院",
        ],
    },
    {
        "name": "中国地质大学（武汉）",
        "type": "高校",
        "short": ["中国地质大学", "地大"],
        "departments": [
            "材料与化学学院",
            "环境学院",
            "自动化学院",
            "地理与信息工程学院",
            "珠宝学院",
            "工程学院",
        ],
    },
    {
        "name": "华中师范大学",
        "type": "高校",
        "short": ["华师"],
        "departments": ["化学学院", "物理科学与技术学院", "计算机学院", "人工智能教育学部"],
    },
    {
        "name": "湖北大学",
        "type": "高校",
        "short": ["湖大"],
        "departments": [
            "材料科学与工程学院",
            "生命科学学院",
            "化学化工学院",
            "计算机与信息工程学院",
        ],
    },
    {
        "name": "武汉科技大学",
        "type": "高校",
        "short": ["武科大"],
        "departments": [
            "材料与冶金学院",
            "机械自动化学院",
            "资源与环境工程学院",
            "信息科学与工程学院",
        ],
    },
    {
        "name": "武汉工程大学",
        "type": "高校",
        "short": ["武工大"],
        "departments": [
            "化工与制药学院",
            "材料科学与工程学院",
            "环境生态与生物工程学院",
            "机电工程学院",
        ],
    },
    {
        "name": "湖北工业大学",
        "type": "高校",
        "short": ["湖工大"],
        "departments": [
            "机械工程学院",
            "生物工程与食品学院",
            "电气与电子工程学院",
            "土木建筑与环境学院",
            "工业设计学院",
        ],
    },
    {
        "name": "江汉大学",
        "type": "高校",
        "short": ["江大"],
        "departments": ["智能制造学院", "光电材料与技术学院", "医学部", "化学与环境工程学院"],
    },
    {
        "name": "武汉纺织大学",
        "type": "高校",
        "short": ["武纺"],
        "departments": ["纺织科学与工程学院", "化学与化工学院", "环境工程学院", "服装学院"],
    },
    {
        "name": "武汉轻工大学",
        "type": "高校",
        "short": ["武轻工"],
        "departments": [
            "食品科学与工程学院",
            "生命科学与技术学院",
            "动物科学与营养工程学院",
            "机械工程学院",
        ],
    },
    {
        "name": "中国科学院武汉岩土力学研究所",
        "type": "科研院所",
        "short": ["武汉岩土所"],
        "departments": ["岩土力学与工程国家重点实验室", "环境岩土工程研究室"],
    },
    {
        "name": "中国科学院水生生物研究所",
        "type": "科研院所",
        "short": ["水生所"],
        "departments": [
            "淡水生态与生物技术国家重点实验室",
            "水产养殖研究中心",
            "藻类生物学研究中心",
        ],
    },
    {
        "name": "中国科学院精密测量科学与技术创新研究院",
        "type": "科研院所",
        "short": ["精密测量院"],
        "departments": ["原子频标研究室", "磁共振波谱研究中心", "大地测量与地球动力学研究室"],
    },
    {
        "name": "湖北省农业科学院",
        "type": "科研院所",
        "short": ["湖北农科院"],
        "departments": [
            "农产品加工与核农技术研究所",
            "经济作物研究所",
            "畜牧兽医研究所",
            "植保土肥研究所",
        ],
    },
    {
        "name": "武汉邮电科学研究院",
        "type": "科研院所",
        "short": ["武汉邮科院"],
        "departments": ["光纤通信技术和网络国家重点实验室", "光电子器件研究部"],
    },
    {
        "name": "湖北光谷实验室",
        "type": "省级以上实验室",
        "short": ["光谷实验室"],
        "departments": ["激光制造研究中心", "光电芯片研究中心"],
    },
    {
        "name": "湖北洪山实验室",
        "type": "省级以上实验室",
        "short": ["洪山实验室"],
        "departments": ["作物种业研究中心", "水产种业研究中心"],
    },
    {
        "name": "武汉产业创新发展研究院",
        "type": "新型研发机构",
        "short": ["武汉产研院"],
        "departments": ["智能制造研究所", "新材料研究所"],
    },
]
