"""The public government documents the real-phrase tables quote (none of them 鲁政发〔2024〕5号).

Each phrase in tests/test_deadline_phrases.py and tests/test_value_phrases.py is copied verbatim from
the document its row names (spaces as the page has them). ``date`` is the document's date (issue or
publication date as the page states it; None where the page gives none), the Context a year-less
phrase is read in. ``period`` is the span a 每年/每季度 schedule of that document recurs over: the
year a yearly work plan covers, or the plan's own years. Where a page gives only a month (2021年3月),
``date`` is that month's last day; where it gives no date but the title names the year (2025年《政府
工作报告》…落实情况), ``year`` is that year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plancli.text.deadline import Context, Period


@dataclass(frozen=True)
class Source:
    title: str
    number: str | None   # 文号, where the page shows one
    issuer: str
    date: date | None
    url: str
    period: Period | None = None
    year: int | None = None

    def context(self) -> Context:
        return Context(doc_date=self.date, period=self.period, year=self.year)


def _year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31))


SOURCES: dict[str, Source] = {
    "gwr2022": Source("2022年政府工作报告（主要预期目标）", None, "国务院（李克强总理）", date(2022, 3, 5),
                      "http://hbwmpx.com/hbwmpx/gjscxx/fxyjts/101633683364923.html"),
    "gwr2023": Source("2023年政府工作报告（主要预期目标）", None, "国务院（李克强总理）", date(2023, 3, 5),
                      "https://x56846.com/news/HVQLPUGV0530NLC9"),
    "gwr2024": Source("2024年政府工作报告（主要预期目标）", None, "国务院（李强总理）", date(2024, 3, 5),
                      "http://news.calyptus.net/test/snews.php?Qfyc=mu.html"),
    "gwr2024full": Source("2024年政府工作报告（全文，第十部分）", None, "国务院（李强总理）", date(2024, 3, 5),
                          "http://zqlygs.com/view/5063.html"),
    "gwr2025": Source("2025年政府工作报告（要点）", None, "国务院（李强总理）", date(2025, 3, 5),
                      "https://world.chinadaily.com.cn/a/202503/05/WS67c7beb1a310510f19ee9ca7.html"),
    "gwr2025b": Source("2025年政府工作报告（摘要）", None, "国务院（李强总理）", date(2025, 3, 5),
                       "http://zgzzs.com.cn/index.php/article/detail/id/127680.html"),
    "gf2020": Source("国务院关于落实《政府工作报告》重点工作部门分工的意见", "国发〔2020〕6号", "国务院",
                     date(2020, 6, 11), "http://zgxmfw.com/hyzx/HTML/20200612084450.html"),
    "lishan2023": Source("立山区政府2023年重点工作任务分解和责任分工方案", "鞍立政发〔2023〕2号",
                         "鞍山市立山区人民政府", date(2023, 3, 28),
                         "http://www.lishan.gov.cn/html/ASLSQ/202303/0168765895614794.html"),
    "xinyu2023": Source("2023年新余市政务公开工作要点", None, "新余市人民政府办公室", date(2023, 8, 7),
                        "http://echinagov.com/policy/346701.htm"),
    "panjin2021": Source("2021年市《政府工作报告》任务分解和责任分工方案（通知）", "盘政办发〔2021〕1号",
                         "盘锦市人民政府办公室", date(2021, 1, 25),
                         "http://xyexam.com/html/2509/2021-05-25/content-93597.html"),
    "xianyang2022": Source("咸阳市2022年深化“放管服”改革优化营商环境工作要点", None, "咸阳市", None,
                           "https://newton.com.tw/wiki/%E9%B9%B9%E9%99%BD%E5%B8%822022%E5%B9%B4%E6%B7%B1"
                           "%E5%8C%96%E2%80%9C%E6%94%BE%E7%AE%A1%E6%9C%8D%E2%80%9D%E6%94%B9%E9%9D%A9%E6%9C"
                           "%80%E4%BD%B3%E5%8C%96%E7%87%9F%E5%95%86%E7%92%B0%E5%A2%83%E5%B7%A5%E4%BD%9C%E8"
                           "%A6%81%E9%BB%9E/61994341"),
    "chengdu2001": Source("成都市人民政府办公厅关于建立政府工作落实情况报告制度的通知", None,
                          "成都市人民政府办公厅", date(2001, 4, 4),
                          "http://www.jumpstarthappiness.com/rule/45663.html"),
    "shanxi2008": Source("山西省人民政府办公厅政府信息公开年度报告制度（试行）", None,
                         "山西省人民政府办公厅", None,
                         "http://lahohwa.com/llxxgk/zfxxgk/xxgkml/gbmwj/llb/zfxxgkzd_55588/202111/"
                         "t20211116_1585279.html", period=Period(date(2009, 1, 1), date(2010, 12, 31))),
    "city2025": Source("2025年市《政府工作报告》目标任务责任分解方案（通知）", None, "某市人民政府", None,
                       "http://www.42vhd.com.cn/index.php?a=shows&catid=14&id=1149", period=_year(2025)),
    "jiande2023": Source("建德市县城承载能力提升和深化“千村示范、万村整治”工程实施方案（2023—2027年）",
                         "建政函〔2023〕37号", "建德市人民政府", date(2023, 4, 6),
                         "http://www.jiande.gov.cn/art/2023/7/27/art_1229739038_59123706.html"),
    "qingyuan2021": Source("庆元县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", None,
                           "庆元县人民政府", date(2021, 3, 31), "https://www.gcs66.com/document_detail/782.html"),
    "mianxian2021": Source("勉县国民经济和社会发展第十四个五年规划和2035年远景目标纲要", None, "勉县人民政府", None,
                           "http://www.ilynn.cn/document_detail/48353.html"),
    "lujiang2021": Source("庐江县国民经济和社会发展第十四个五年规划和2035年远景目标纲要", None,
                          "庐江县人民政府", date(2021, 5, 31), "https://www.gcs66.com/document_detail/45606.html"),
    "shiyan2025": Source("批转市发改委关于2025年全市国民经济和社会发展计划报告的通知", "十政发〔2025〕6号",
                         "十堰市人民政府", date(2025, 4, 25),
                         "http://noscription.org/xxgk/zc_67263/qt/202505/t20250508_4736733.shtml"),
    "hefei2025": Source("合肥市2025年经济社会发展主要预期目标和重点工作", None, "合肥市人民政府", None,
                        "http://www.dingqianjf.com/news/show/8451e232bb34a978.html"),
    "zhejiang14": Source("浙江省政府工作报告（“十四五”时期的主要目标和任务）", None, "浙江省人民政府",
                         None,
                         "http://district.ce.cn/newarea/roll/202102/04/t20210204_36291521_2.shtml"),
    "bengbu2018": Source("中共蚌埠市委 蚌埠市人民政府关于加强基层基本公共服务功能建设的实施意见",
                         "蚌发〔2018〕3号", "中共蚌埠市委、蚌埠市人民政府", None, "http://m.bbnews.cn/p/21316.html"),
    "shandong2014": Source("山东省人民政府关于深化预算管理制度改革的实施意见", "鲁政发〔2014〕20号",
                           "山东省人民政府", None, "https://0798ci.com/law/8240.html"),
    "guangdong2023": Source("广东省优化营商环境三年行动方案", None, "广东省人民政府办公厅", date(2023, 7, 31),
                            "https://newton.com.tw/wiki/%E5%BB%A3%E6%9D%B1%E7%9C%81%E6%9C%80%E4%BD%B3%E5%8C%96"
                            "%E7%87%9F%E5%95%86%E7%92%B0%E5%A2%83%E4%B8%89%E5%B9%B4%E8%A1%8C%E5%8B%95%E6%96%B9"
                            "%E6%A1%88/63179355"),
    "wanli2023": Source("湾里管理局关于持续推进营商环境优化升级“一号改革工程”2023年行动方案", None,
                        "南昌市湾里管理局", None,
                        "http://wl.nc.gov.cn/ncswlglj/zcwj/202309/54c13be5f3684c0880a50d882e277b21.shtml"),
    "zhejiang2025": Source("关于下达2025年浙江省国民经济和社会发展计划的通知（新闻办发布）", None,
                           "浙江省人民政府", date(2025, 3, 7), "https://bbs.cnyw.net/archiver/tid-3943510.html"),
    "xuancheng2020": Source("2020年1-11月份宣城市《政府工作报告》部分目标任务完成情况", None,
                            "宣城市人民政府办公室", date(2020, 12, 24),
                            "https://www.xuancheng.gov.cn/OpennessContent/show/2044556.html"),
    "shouxian2022": Source("关于印发2022年《政府工作报告》主要任务上半年落实情况的通报", None,
                           "寿县人民政府督查室", date(2022, 8, 19),
                           "https://www.shouxian.gov.cn/public/118322644/1259257664.html"),
    "jinzhai2025": Source("2025年《政府工作报告》主要目标任务上半年工作落实情况（督查）", None, "金寨县委督查办",
                          None, "https://www.ahjinzhai.gov.cn/public/6596281/38062166.html", year=2025),
    "elht2024": Source("《〈政府工作报告〉2024年重点工作任务分工方案》政策解读", None,
                       "二连浩特市人民政府办公室", date(2024, 4, 2),
                       "http://www.elht.gov.cn/mobile/c/2024-04-02/97683.shtml"),
    "gaotang2024": Source("《2024年政府工作报告目标任务分工方案》解读", "高政字〔2024〕5号", "高唐县人民政府",
                          date(2024, 3, 28), "http://www.gaotang.gov.cn/site_gtgtxrmzfbgsc/channel_x_5265_6201/"
                          "doc_660bc75d70ff59102ab2ab7c.html", period=_year(2024)),
    "dawa2021": Source("《政府工作报告》任务分解表（通知）", None, "盘锦市大洼区人民政府办公室", date(2021, 1, 25),
                       "http://www.dawa.gov.cn/2021_02/01_16/content-307974.html", period=_year(2021)),
    "gansu2025": Source("甘肃省人民政府关于分解落实《政府工作报告》主要目标和重点工作的通知", "甘政发〔2025〕7号",
                        "甘肃省人民政府", None, "http://www.gslnsme.cn/notice/1421.html"),
    "jingan2018": Source("静安区全力打响“上海服务”品牌加快建设“国际静安”三年行动计划（2018—2020年）", None,
                         "中共静安区委办公室、静安区人民政府办公室", None,
                         "https://denstalk.com/html/xxgk01600201600200220180528004c029f-9ddf-4590-875a-"
                         "1c5453c297eb.html"),
    "zhenba2024": Source("镇巴县人民政府工作规则", "镇政发〔2024〕7号", "镇巴县人民政府", date(2024, 4, 6),
                         "http://zb.gov.cn/zbxzf/xzfwj/202404/49ca3d0c669f4c2ebf6f7fabf563549c.shtml"),
    "huzhou2024": Source("湖州市人民政府办公室转发市发展改革委关于湖州市2024年国民经济和社会发展计划的通知",
                         None, "湖州市人民政府办公室", date(2024, 4, 3),
                         "https://www.huzhou.gov.cn/hzgov/front/s1/xxgk/zcwj/szfbgswj/20240620/i3783134.html"),
    "shaoxing2025": Source("绍兴市人民政府关于下达2025年绍兴市国民经济和社会发展计划的通知", "绍政发〔2025〕3号",
                           "绍兴市人民政府", date(2025, 2, 18),
                           "https://www.sx.gov.cn/art/2025/2/18/art_1229311201_1908103.html"),
    "chengkou2025": Source("关于印发《城口县2024年国民经济和社会发展计划执行情况与2025年计划草案报告》的通知",
                           "城发改委发〔2025〕4号", "城口县发展和改革委员会", date(2025, 2, 17),
                           "http://cqck.gov.cn/bm/qfzggws/zwgk_70831/fdzdgknr_70834/lzyj_70835/xzgfxwj_70836/"
                           "202502/t20250221_14329140.html"),
    "bozhou2025": Source("亳州市人民政府办公室关于印发2025年政府工作报告主要目标任务分解的通知",
                         "亳政办〔2025〕1号", "亳州市人民政府办公室", date(2025, 1, 14),
                         "https://bozhou.gov.cn/OpennessContent/show/2773244.html"),
    "beijing2016": Source("北京市人民政府办公厅关于印发《北京市2016年政务公开工作要点》的通知",
                          "京政办发〔2016〕26号", "北京市人民政府办公厅", date(2016, 5, 28),
                          "https://0798ci.com/policy/70942.html"),
    "sichuan2022": Source("四川省“十四五”现代流通体系建设实施方案", None, "四川省发展和改革委员会",
                          date(2022, 10, 18), "http://law.foodmate.net/show-219854.html"),
    "hechi2024": Source("河池市2024年优化营商环境工作要点", None, "河池市人民政府办公室", date(2024, 6, 12),
                        "https://www.echinagov.com/policy/357936.htm"),
    "liaoyuan2024": Source("辽源市2024年营商环境优化重点行动方案", None, "辽源市人民政府办公室", date(2024, 4, 22),
                           "https://www.echinagov.com/policy/356445.htm"),
    "shanxi2017": Source("山西省贯彻落实《促进中部地区崛起“十三五”规划》工作方案", "晋政办发〔2017〕55号",
                         "山西省人民政府办公厅", date(2017, 5, 15), "https://0798ci.com/policy/20846.html"),
    "xinhua2023": Source("“十四五”规划纲要实施中期评估报告（新华社报道）", None, "国家发展改革委（受国务院委托）",
                         date(2023, 12, 26), "http://melab.com.tw/uploads/xinwen.asp?5t=Kym.html"),
    "xinhua2025": Source("两会新华视点：哪些“十四五”指标已提前完成", None, "新华社", date(2025, 3, 6),
                         "https://politics.gmw.cn/2025-03/06/content_37888556.htm"),
    "shanxi2025": Source("“高质量完成‘十四五’规划”系列主题新闻发布会（山西省发展改革委）", None,
                         "山西省政府新闻办", None,
                         "https://www.163.com/dy/article/KE2IRNPR0552FDTY.html",
                         year=2025),  # held 11月10日 on the close of 十四五; it cites 2024 as past
    "mee2020": Source("生态环境部通报重点区域2019—2020年秋冬季环境空气质量目标完成情况（报道）", None, "生态环境部",
                      date(2020, 4, 22), "http://athenaoem.com.cn/tech/2020-04/24/content_41134007.htm"),
    "huangpu2025": Source("黄浦区排水管理体制改革实施方案", "黄府发〔2025〕9号", "上海市黄浦区人民政府", date(2025, 9, 15),
                          "bench/documents/district2025_huangpu_paishui.txt (line 15: 95%（含）以上)"),
    "yasuozhan2024": Source("关于开展2024年生活垃圾收集站（压缩式）提升改造工作的通知", "沪绿容〔2024〕152号",
                            "上海市绿化和市容管理局", date(2024, 4, 12),
                            "bench/documents/city2024_shanghai_yasuozhan.txt (line 11; 至少建成3个 made up beside it)"),
    "jingan2024": Source("静安区持续优化生活垃圾全程分类体系工作方案", "静绿容发〔2024〕15号",
                         "上海市静安区生活垃圾分类减量工作推进领导小组办公室", date(2024, 4, 12),
                         "bench/documents/dept2024_jingan_quanchengfenlei.txt (line 453)"),
    "hongkou2018": Source("虹口区生活垃圾全程分类体系建设三年行动计划（2018—2020年）", "虹府办发〔2018〕19号",
                          "上海市虹口区人民政府办公室", date(2018, 6, 24),
                          "bench/documents/district2018_hongkou_quanchengfenlei.txt (lines 20, 28)"),
    "hongshan2023": Source("虹山乡抛(撂)荒地复耕复垦工作实施方案", "泉洛虹委〔2023〕49号", "泉州市洛江区虹山乡",
                           date(2023, 9, 4), "bench/documents/town2023_hongshan_fugeng.txt (line 9)"),
    "gz633": Source("关于推进人才集聚工程的实施意见（广州“633”人才工程）", None, "广州市", date(2012, 9, 19),
                    "data/source/001_gz_633_rencai.txt (provenance: data/source/001_gz_633_rencai.md)",
                    period=Period(date(2012, 1, 1), date(2016, 12, 31))),
    "hantai2022": Source("《汉台区加快推进气化汉中建设三年行动实施方案(2022—2024年)》解读", None, "汉中市汉台区", None,
                         "http://htq.gov.cn/hzshtqzf/zwgk/zcjd/wzjd/202206/fb8f8cb7ba824e2389a626183ff5e6dd.shtml "
                         "(bench/documents/district2022_hantai_qihua.txt, lines 4 and 8)", year=2022),
    "jiexiu2019": Source("介休市2019年清洁取暖改造范围及方式 (a news page quoting the plan)", None, "介休市", None,
                         "https://ne21.com/news/show-129976.html (bench/documents/city2019_jiexiu_qingjiequnuan.txt)",
                         year=2019),
    "qinxian2025": Source("2025年县政府工作报告任务清单 (the notice issuing it)", None, "沁县人民政府办公室", date(2025, 5, 18),
                          "bench/documents/county2025_qinxian_qingdan.txt (line 3)"),
    "wolong2026": Source("卧龙区2026年度财政衔接推进乡村振兴补助资金项目计划", None, "南阳市卧龙区", date(2025, 12, 29),
                         "https://www.wolong.gov.cn/2026/01-05/1368593.html (bench/documents/dept2026_wolong_xianjie.txt)"),
    "houma2025": Source("侯马市2025—2026年秋冬季大气污染综合治理攻坚行动方案", "侯政办发〔2025〕26号", "侯马市人民政府办公室",
                        date(2025, 10, 23), "bench/documents/city2025_houma_qiudong.txt (line 15)"),
    "yuhang2021": Source("2021年杭州市余杭区人民政府民生实事项目 (a local portal's post)", None, "杭州市余杭区", None,
                         "laoyuhang.com, article_2661 (bench/documents/district2021_yuhang_minsheng.txt, line 2)", year=2021),
    "rencheng2021": Source("济宁市任城区创建国家农产品质量安全区实施方案", "济任政字〔2021〕28号", "济宁市任城区人民政府",
                           date(2021, 8, 28), "https://sd.010b.com/policy/detail/171633.html "
                           "(bench/documents/district2021_rencheng_nongchanpin.txt, line 7)"),
    "cqkangfu2021": Source("重庆市加快推进康复医疗工作发展实施方案 (a news report of it)", None, "重庆市卫生健康委等7部门", None,
                           "cqcb.com (bench/documents/dept2021_chongqing_kangfu.txt, line 2)", year=2021),
    "dongguan2022": Source("东莞市2022年一号文 (数字经济 政策措施; a news report of it)", None, "东莞市", None,
                           "http://yc.xinxuanze.com.cn/shishiruiping/2022/0118/54642.html "
                           "(bench/documents/city2022_dongguan_shuzijingji.txt, line 3)", year=2022,
                           period=Period(date(2022, 1, 1), date(2025, 12, 31))),
    "wansheng2023": Source("关于加强节水宣传工作的通知", "万盛经开水利发〔2023〕15号", "重庆市万盛经开区水利局", None,
                           "http://ws.cq.gov.cn/bm/swwj/zwgk_70287/fdzdgknr_70290/zcwj/qjzcwj/202305/t20230517_11974000.html "
                           "(bench/documents/dept2023_wansheng_jieshui.txt, line 9)", year=2023),
    "luan2024": Source("六安市农业农村局2024年全市农业农村工作要点", None, "六安市农业农村局", None,
                       "a copy of the bureau's page (bench/documents/dept2024_luan_nongye.txt, line 4)", year=2024),
    "shliangcang2025": Source("上海市粮仓光伏建设实施方案", "沪粮仓〔2025〕18号", "上海市粮食和物资储备局", date(2025, 2, 28),
                              "bench/documents/city2025_shanghai_liangcang.txt (line 12)"),
    "ganzhou2022": Source("赣州市2022年粮食生产工作通知 (a copy of the city's page; title not stored)", None, "赣州市", None,
                          "bench/documents/city2022_ganzhou_liangshi.txt (line 5)", year=2022),
    "lintan2022": Source("临潭县2022年高标准农田建设项目计划 公示 (甘南日报 e-paper)", None, "临潭县", date(2022, 4, 13),
                         "http://61.178.198.232:91/epaper/gnrb/content/20220413/Articel04005TB.htm "
                         "(bench/documents/county2022_lintan_nongtian.txt, line 1)", year=2022),
    "daye2022": Source("大冶市2022年第一批巩固拓展脱贫攻坚成果和乡村振兴项目实施计划", None, "大冶市实施乡村振兴战略领导小组办公室",
                       date(2022, 3, 7), "https://hbdaye.gov.cn/zfxxgk/fdgknr/gysyjs/fptp/202203/t20220310_886635.html "
                       "(bench/documents/city2022_daye_xiangcun.txt, line 3; the second phrase made up beside it)"),
    "xinzhuang2025": Source("莘庄镇住宅小区业委会规范化运作综合评估工作实施方案", "闵莘府发〔2025〕4号", "上海市闵行区莘庄镇人民政府",
                            date(2025, 11, 7), "zhiyao87/Shanghai-Gov-Docs-Index (bench/documents/"
                            "town2025_xinzhuang_yeweihui.txt; the second phrase made up beside it)"),
}
