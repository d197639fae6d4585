<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Opening the clinic database…</source>
        <translation>正在打开诊所数据库…</translation>
    </message>
    <message>
        <source>This database failed its start-up check and is open read-only: nothing can be saved. It has not been changed. Restore a backup (dermadesk backup restore) or call for help.</source>
        <translation>此数据库未通过启动检查，已以只读方式打开：无法保存任何内容。数据库未被更改。请恢复备份（dermadesk backup restore）或寻求技术支持。</translation>
    </message>
    <message>
        <source>Creating the demo clinic…</source>
        <translation>正在创建演示诊所…</translation>
    </message>
    <message>
        <source>Demo accounts: grace (owner), dr.hart (practitioner), lily (reception); password: %1</source>
        <translation>演示账户：grace（负责人）、dr.hart（医生）、lily（前台）；密码：%1</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>上次备份：%1</translation>
    </message>
    <message>
        <source>Automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>EMERGENCY ACCESS until %1 · </source>
        <translation>紧急访问至 %1 · </translation>
    </message>
    <message>
        <source>clinic server %1 (%2)</source>
        <translation>诊所服务器 %1（%2）</translation>
    </message>
    <message>
        <source>patients</source>
        <translation>位患者</translation>
    </message>
    <message>
        <source>encrypted (SQLCipher %1)</source>
        <translation>已加密（SQLCipher %1）</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Undisclosed</source>
        <translation>不愿透露</translation>
    </message>
    <message>
        <source>Walk in</source>
        <translation>到店自来</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>网络搜索</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Acne</source>
        <translation>痤疮</translation>
    </message>
    <message>
        <source>Melasma</source>
        <translation>黄褐斑</translation>
    </message>
    <message>
        <source>Rosacea</source>
        <translation>玫瑰痤疮</translation>
    </message>
    <message>
        <source>Ageing</source>
        <translation>皮肤老化</translation>
    </message>
    <message>
        <source>Pigmentation</source>
        <translation>色素沉着</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>敏感肌</translation>
    </message>
    <message>
        <source>Scarring</source>
        <translation>瘢痕</translation>
    </message>
    <message>
        <source>Hair removal</source>
        <translation>脱毛</translation>
    </message>
    <message>
        <source>Dryness</source>
        <translation>干燥</translation>
    </message>
    <message>
        <source>Oiliness</source>
        <translation>油性</translation>
    </message>
    <message>
        <source>Pores</source>
        <translation>毛孔</translation>
    </message>
    <message>
        <source>Redness</source>
        <translation>泛红</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>考虑中</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Rebooked</source>
        <translation>已再预约</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>已搬离</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>rebooked</source>
        <translation>已再预约</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>暂无意向</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>已搬离</translation>
    </message>
    <message>
        <source>deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Messaging app</source>
        <translation>即时通讯应用</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Saved as PDF</source>
        <translation>已存为 PDF</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>已当面交付</translation>
    </message>
    <message>
        <source>Prospect customer</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Trial customer</source>
        <translation>体验客户</translation>
    </message>
    <message>
        <source>Repeat customer</source>
        <translation>复购客户</translation>
    </message>
    <message>
        <source>Super customer</source>
        <translation>超级客户</translation>
    </message>
    <message>
        <source>Bronze</source>
        <translation>铜卡</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>铂金卡</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>钻石卡</translation>
    </message>
    <message>
        <source>Botulinum toxin</source>
        <translation>肉毒素注射</translation>
    </message>
    <message>
        <source>Dermal filler</source>
        <translation>玻尿酸填充</translation>
    </message>
    <message>
        <source>Chemical peel</source>
        <translation>化学焕肤</translation>
    </message>
    <message>
        <source>Laser resurfacing</source>
        <translation>激光焕肤</translation>
    </message>
    <message>
        <source>IPL photorejuvenation</source>
        <translation>光子嫩肤（IPL）</translation>
    </message>
    <message>
        <source>Microneedling</source>
        <translation>微针</translation>
    </message>
    <message>
        <source>Laser hair removal</source>
        <translation>激光脱毛</translation>
    </message>
    <message>
        <source>Hydrodermabrasion facial</source>
        <translation>小气泡清洁</translation>
    </message>
    <message>
        <source>Skin consultation</source>
        <translation>皮肤面诊</translation>
    </message>
    <message>
        <source>Mole removal</source>
        <translation>祛痣</translation>
    </message>
    <message>
        <source>Hydration</source>
        <translation>含水量</translation>
    </message>
    <message>
        <source>Sebum</source>
        <translation>油脂</translation>
    </message>
    <message>
        <source>Elasticity / collagen density</source>
        <translation>弹性 / 胶原密度</translation>
    </message>
    <message>
        <source>Pigmentation / spot coverage</source>
        <translation>色素 / 色斑面积</translation>
    </message>
    <message>
        <source>UV damage index</source>
        <translation>紫外线损伤指数</translation>
    </message>
    <message>
        <source>Redness / erythema index</source>
        <translation>泛红 / 红斑指数</translation>
    </message>
    <message>
        <source>Wrinkle score</source>
        <translation>皱纹评分</translation>
    </message>
    <message>
        <source>TEWL</source>
        <translation>经皮水分流失（TEWL）</translation>
    </message>
    <message>
        <source>concern below</source>
        <translation>关注线：低于</translation>
    </message>
    <message>
        <source>concern above</source>
        <translation>关注线：高于</translation>
    </message>
    <message>
        <source>concern from</source>
        <translation>关注线：达到</translation>
    </message>
    <message>
        <source>concern at or below</source>
        <translation>关注线：不高于</translation>
    </message>
    <message>
        <source>Left a voicemail</source>
        <translation>已留语音留言</translation>
    </message>
    <message>
        <source>Call back later</source>
        <translation>稍后回电</translation>
    </message>
    <message>
        <source>Sent a text</source>
        <translation>已发短信</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>时间(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Amount paid:</source>
        <translation>实付金额(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Practitioner:</source>
        <translation>医生(&amp;P)：</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Concerns:</source>
        <translation>皮肤问题：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Treatment:</source>
        <translation>项目(&amp;T)：</translation>
    </message>
    <message>
        <source>A&amp;rea:</source>
        <translation>部位(&amp;R)：</translation>
    </message>
    <message>
        <source>e.g. forehead, glabella</source>
        <translation>例如：额头、眉间</translation>
    </message>
    <message>
        <source>Pro&amp;duct:</source>
        <translation>产品(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Units or shots:</source>
        <translation>单位数或发数(&amp;U)：</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>&amp;Lot / batch:</source>
        <translation>批号(&amp;L)：</translation>
    </message>
    <message>
        <source>so a recall can find who received it</source>
        <translation>便于召回时查到使用者</translation>
    </message>
    <message>
        <source>&amp;Price paid:</source>
        <translation>实付价格(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Reading session:</source>
        <translation>检测记录(&amp;R)：</translation>
    </message>
    <message>
        <source>— choose a session —</source>
        <translation>— 请选择一次检测 —</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>产品(&amp;P)：</translation>
    </message>
    <message>
        <source>e.g. SPF 50 sunscreen</source>
        <translation>例如：SPF 50 防晒霜</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;What was bought:</source>
        <translation>购买内容(&amp;W)：</translation>
    </message>
    <message>
        <source>e.g. Peel course of 6, Gold membership</source>
        <translation>例如：果酸焕肤 6 次疗程、金卡会员</translation>
    </message>
    <message>
        <source>&amp;Sessions included:</source>
        <translation>包含次数(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Amount refunded:</source>
        <translation>退款金额(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>e.g. unopened product returned</source>
        <translation>例如：未开封产品退货</translation>
    </message>
    <message>
        <source>Outgoing (we contacted them)</source>
        <translation>呼出（我们联系患者）</translation>
    </message>
    <message>
        <source>Incoming (they contacted us)</source>
        <translation>呼入（患者联系我们）</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>方向(&amp;D)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>摘要(&amp;S)：</translation>
    </message>
    <message>
        <source>What was said or agreed</source>
        <translation>沟通内容或约定事项</translation>
    </message>
    <message>
        <source>&amp;NPS (0–10):</source>
        <translation>净推荐值 NPS（0–10）(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;CSAT (1–5):</source>
        <translation>满意度 CSAT（1–5）(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Satisfaction after treatment (0–10):</source>
        <translation>治疗后满意度（0–10）(&amp;S)：</translation>
    </message>
    <message>
        <source>leave empty if not asked</source>
        <translation>未询问则留空</translation>
    </message>
    <message>
        <source>C&amp;omment:</source>
        <translation>评价(&amp;O)：</translation>
    </message>
    <message>
        <source>S&amp;everity:</source>
        <translation>严重程度(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Complaint:</source>
        <translation>投诉内容(&amp;C)：</translation>
    </message>
    <message>
        <source>What the patient is unhappy about</source>
        <translation>患者不满意的地方</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>处理结果(&amp;R)：</translation>
    </message>
    <message>
        <source>What was done or offered</source>
        <translation>已采取或提供的措施</translation>
    </message>
    <message>
        <source>&amp;Referred:</source>
        <translation>被推荐人(&amp;R)：</translation>
    </message>
    <message>
        <source>Referred {name}</source>
        <translation>推荐了 {name}</translation>
    </message>
    <message>
        <source>After-care</source>
        <translation>术后护理</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>新客欢迎</translation>
    </message>
    <message>
        <source>&amp;Packet:</source>
        <translation>资料包(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>方式(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Alert:</source>
        <translation>提醒(&amp;A)：</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>A&amp;ppointment date:</source>
        <translation>预约日期(&amp;P)：</translation>
    </message>
    <message>
        <source>if the patient gave one</source>
        <translation>如患者说明了原因</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>波兰语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>希腊语</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>请勿联系</translation>
    </message>
    <message>
        <source>&amp;Rebooked</source>
        <translation>已再预约(&amp;R)</translation>
    </message>
    <message>
        <source>Reached — not &amp;interested</source>
        <translation>已联系上 — 暂无意向(&amp;I)</translation>
    </message>
    <message>
        <source>No &amp;answer</source>
        <translation>无人接听(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Moved away</source>
        <translation>已搬离(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Deceased</source>
        <translation>已故(&amp;D)</translation>
    </message>
    <message>
        <source>O&amp;ther</source>
        <translation>其他(&amp;T)</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 天</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 周</translation>
    </message>
    <message>
        <source>2 weeks</source>
        <translation>2 周</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 个月</translation>
    </message>
    <message>
        <source>{treatment} follow-up overdue by {overdue}: last {days_since} days ago; usually every {interval} days</source>
        <translation>{treatment} 复诊已逾期 {overdue}：上次在 {days_since} 天前；通常每 {interval} 天一次</translation>
    </message>
    <message>
        <source>last visit {days_since} days ago; usually every {gap} days</source>
        <translation>上次到院在 {days_since} 天前；通常每 {gap} 天来一次</translation>
    </message>
    <message>
        <source>now {current_stage} (was {previous_stage}): last visit {days_since} days ago</source>
        <translation>现为{current_stage}（原为{previous_stage}）：上次到院在 {days_since} 天前</translation>
    </message>
    <message>
        <source>unhappy after a visit ({scores}): call to put it right</source>
        <translation>到院后不满意（{scores}）：请致电妥善处理</translation>
    </message>
    <message>
        <source>tier lowered from {from_tier} to {to_tier}</source>
        <translation>会员等级由{from_tier}降为{to_tier}</translation>
    </message>
    <message>
        <source>expected value for the next year fell {drop}%</source>
        <translation>未来一年的预期价值下降了 {drop}%</translation>
    </message>
    <message>
        <source>probably gone: {chance}% chance still coming; last visit {days_since} days ago after {visits} visits</source>
        <translation>可能已流失：仍会再来的概率为 {chance}%；共到院 {visits} 次，上次在 {days_since} 天前</translation>
    </message>
    <message>
        <source>Overdue follow-up</source>
        <translation>复诊逾期</translation>
    </message>
    <message>
        <source>Broken rhythm</source>
        <translation>到院节奏中断</translation>
    </message>
    <message>
        <source>Going quiet</source>
        <translation>趋于沉默</translation>
    </message>
    <message>
        <source>Unhappy patient</source>
        <translation>患者不满意</translation>
    </message>
    <message>
        <source>Falling value</source>
        <translation>价值下降</translation>
    </message>
    <message>
        <source>Probably gone</source>
        <translation>可能已流失</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n} 个月</translation>
    </message>
    <message>
        <source>{n} weeks</source>
        <translation>{n} 周</translation>
    </message>
    <message>
        <source>{n} day</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>prospect</source>
        <translation>潜在</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新客</translation>
    </message>
    <message>
        <source>active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>沉默</translation>
    </message>
    <message>
        <source>dormant</source>
        <translation>沉睡</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <source>satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>This database is locked with a different key. Nothing was changed. Open it with its passphrase or recovery key, or choose another file.</source>
        <translation>此数据库使用了另一把密钥加密，未做任何更改。请用它的口令或恢复密钥打开，或选择其他文件。</translation>
    </message>
    <message>
        <source>The key file for {path} is missing, so the database cannot be opened. Nothing was changed. Restore the key file or use the recovery key.</source>
        <translation>{path} 的密钥文件缺失，无法打开数据库，未做任何更改。请恢复密钥文件或使用恢复密钥。</translation>
    </message>
    <message>
        <source>The key file {path} is damaged and cannot be read. Nothing was changed.</source>
        <translation>密钥文件 {path} 已损坏，无法读取，未做任何更改。</translation>
    </message>
    <message>
        <source>A key file exists at {path} but its database does not. Move the key file away or restore the database; nothing was created.</source>
        <translation>{path} 处有密钥文件，但对应的数据库不存在。请移走该密钥文件或恢复数据库；未创建任何内容。</translation>
    </message>
    <message>
        <source>{path} is not a DermaDesk database or it is damaged. Nothing was changed.</source>
        <translation>{path} 不是 DermaDesk 数据库，或已损坏，未做任何更改。</translation>
    </message>
    <message>
        <source>The database is damaged: {detail}. It was not changed; restore a backup.</source>
        <translation>数据库已损坏：{detail}。数据库未被更改；请从备份恢复。</translation>
    </message>
    <message>
        <source>The database driver in use does not encrypt (it reports no SQLCipher 4). Refusing to open or create any file.</source>
        <translation>当前数据库驱动不支持加密（未检测到 SQLCipher 4），拒绝打开或创建任何文件。</translation>
    </message>
    <message>
        <source>That passphrase does not open this database. Nothing was changed.</source>
        <translation>该口令无法打开此数据库，未做任何更改。</translation>
    </message>
    <message>
        <source>That recovery key does not open this database. Nothing was changed.</source>
        <translation>该恢复密钥无法打开此数据库，未做任何更改。</translation>
    </message>
    <message>
        <source>No usable system keyring was found, so DermaDesk needs a passphrase. Set DERMADESK_PASSPHRASE or run DermaDesk where it can ask for one.</source>
        <translation>未找到可用的系统钥匙串，DermaDesk 需要一个口令。请设置 DERMADESK_PASSPHRASE，或在可以输入口令的环境中运行 DermaDesk。</translation>
    </message>
    <message>
        <source>The system keyring no longer holds this database&apos;s key (a new computer or a reset keyring). Open it with the recovery key (DERMADESK_RECOVERY_KEY, or where DermaDesk can ask for it).</source>
        <translation>系统钥匙串中已没有此数据库的密钥（可能是新电脑或钥匙串已重置）。请用恢复密钥打开（设置 DERMADESK_RECOVERY_KEY，或在 DermaDesk 提示时输入）。</translation>
    </message>
    <message>
        <source>This database was written by a newer DermaDesk (schema {revision}). Install the newer version to open it.</source>
        <translation>此数据库由更新版本的 DermaDesk 写入（结构版本 {revision}）。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>Updating the database failed ({detail}). It was left as it was; a backup is at {backup}.</source>
        <translation>数据库升级失败（{detail}）。数据库保持原样；备份位于 {backup}。</translation>
    </message>
    <message>
        <source>The disk is full; nothing was saved. Free some space and try again.</source>
        <translation>磁盘已满，未保存任何内容。请释放空间后重试。</translation>
    </message>
    <message>
        <source>The database is busy in another program. Try again in a moment.</source>
        <translation>数据库正被其他程序占用，请稍后重试。</translation>
    </message>
    <message>
        <source>The database failed its start-up check and is open read-only: nothing can be saved. It has not been changed or repaired. Restore a backup (dermadesk backup restore).</source>
        <translation>数据库未通过启动检查，已以只读方式打开：无法保存任何内容。数据库未被更改，也未被修复。请恢复备份（dermadesk backup restore）。</translation>
    </message>
    <message>
        <source>{path} is {reason}. The single-computer database must be on this computer&apos;s own disk: SQLite&apos;s write-ahead log does not work over a network file system and sync tools can copy it half-written. Choose a local folder, or use the several-workstations mode (a PostgreSQL server) to share a clinic.</source>
        <translation>{path} 的位置不能存放数据库（{reason}）。单机数据库必须位于这台电脑自己的磁盘上：SQLite 的预写日志在网络文件系统上无法正常工作，同步工具也可能复制到只写了一半的文件。请选择本地文件夹，或使用多工作站模式（PostgreSQL 服务器）在诊所内共享数据。</translation>
    </message>
    <message>
        <source>{path} is open in DermaDesk (or another command). Close it first, then try again.</source>
        <translation>{path} 已在 DermaDesk（或其他命令）中打开。请先将其关闭，然后重试。</translation>
    </message>
    <message>
        <source>The backup could not be verified ({detail}); it was deleted. Nothing else changed.</source>
        <translation>备份未能通过校验（{detail}），已将其删除。其他内容均未更改。</translation>
    </message>
    <message>
        <source>The backup could not be written to {path} ({detail}). Nothing else changed.</source>
        <translation>无法将备份写入 {path}（{detail}）。其他内容均未更改。</translation>
    </message>
    <message>
        <source>The backup {path} is damaged or was altered ({detail}). Nothing was restored.</source>
        <translation>备份 {path} 已损坏或被改动过（{detail}）。未恢复任何内容。</translation>
    </message>
    <message>
        <source>The backup {path} was made under another key; give the clinic&apos;s recovery key (DERMADESK_RECOVERY_KEY, or where DermaDesk can ask for it). Nothing was restored.</source>
        <translation>备份 {path} 是用另一把密钥加密的；请提供诊所的恢复密钥（设置 DERMADESK_RECOVERY_KEY，或在 DermaDesk 提示时输入）。未恢复任何内容。</translation>
    </message>
    <message>
        <source>Refusing to connect to {host} without verified TLS: a clinic server that is not on this computer needs sslmode=verify-full (the URL says sslmode={sslmode}).</source>
        <translation>拒绝在未经验证的 TLS 下连接 {host}：不在这台电脑上的诊所服务器必须使用 sslmode=verify-full（该地址中为 sslmode={sslmode}）。</translation>
    </message>
    <message>
        <source>The server URL contains a password. Leave it out: DermaDesk asks for it once and keeps it in the system keyring.</source>
        <translation>服务器地址中包含密码。请将其删去：DermaDesk 会询问一次密码，并将其保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>No password for {server} in the system keyring and no terminal to ask on. Run DermaDesk once where it can ask (the app, or a command in a terminal); it keeps the password then.</source>
        <translation>系统钥匙串中没有 {server} 的密码，也没有可用于输入密码的终端。请在可以输入密码的环境中运行一次 DermaDesk（应用程序，或终端中的命令），之后它会保存该密码。</translation>
    </message>
    <message>
        <source>Cannot open the clinic server {server}: {detail}</source>
        <translation>无法打开诊所服务器 {server}：{detail}</translation>
    </message>
    <message>
        <source>The target {target} already holds data (table {table}). A copy goes only into an empty database.</source>
        <translation>目标 {target} 中已有数据（表 {table}）。只能复制到空数据库中。</translation>
    </message>
    <message>
        <source>DermaDesk backs up the database file of one computer; a clinic server is backed up on the server (pg_dump, see README), or copied into a file with dermadesk db copy.</source>
        <translation>DermaDesk 备份的是单台电脑上的数据库文件；诊所服务器应在服务器上备份（pg_dump，参见 README），或用 dermadesk db copy 复制到文件中。</translation>
    </message>
    <message>
        <source>The copy does not match its source in table {table} ({detail}). The target was left as is.</source>
        <translation>副本中的表 {table} 与源数据不一致（{detail}）。目标保持原样。</translation>
    </message>
    <message>
        <source>Please correct: {problems}</source>
        <translation>请更正：{problems}</translation>
    </message>
    <message>
        <source>No {what} with id {id}.</source>
        <translation>没有编号为 {id} 的{what}。</translation>
    </message>
    <message>
        <source>{what} was changed by {by} at {at}. Your input is kept; review and save again.</source>
        <translation>{what}已于 {at} 被 {by} 修改。您输入的内容已保留，请核对后再次保存。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not {action}.</source>
        <translation>您的角色（{role}）无权执行：{action}。</translation>
    </message>
    <message>
        <source>{what} cannot be {action} now: {detail}</source>
        <translation>{what}现在不能执行“{action}”：{detail}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>That user name and password do not match an active account.</source>
        <translation>用户名与密码不匹配任何有效账户。</translation>
    </message>
    <message>
        <source>Too many failed attempts. Try again in {seconds} seconds.</source>
        <translation>失败次数过多，请在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <source>Emergency access ended after {minutes} minutes. Sign in again to go on.</source>
        <translation>紧急访问已在 {minutes} 分钟后结束。请重新登录以继续。</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>过长</translation>
    </message>
    <message>
        <source>is too short</source>
        <translation>过短</translation>
    </message>
    <message>
        <source>is not a date (use YYYY-MM-DD)</source>
        <translation>不是有效日期（请使用 YYYY-MM-DD 格式）</translation>
    </message>
    <message>
        <source>cannot be in the future</source>
        <translation>不能晚于今天</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>must be more than zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>is not one of the allowed values</source>
        <translation>不是允许的取值</translation>
    </message>
    <message>
        <source>is not a phone number</source>
        <translation>不是有效的电话号码</translation>
    </message>
    <message>
        <source>is not an e-mail address</source>
        <translation>不是有效的电子邮件地址</translation>
    </message>
    <message>
        <source>is already in use</source>
        <translation>已被使用</translation>
    </message>
    <message>
        <source>must be a different patient</source>
        <translation>必须是另一位患者</translation>
    </message>
    <message>
        <source>cannot take owner access from your own account</source>
        <translation>不能取消您自己账户的负责人权限</translation>
    </message>
    <message>
        <source>cannot take away the last active owner</source>
        <translation>不能取消最后一位有效负责人的权限</translation>
    </message>
    <message>
        <source>is only for practitioners (owners have full access already)</source>
        <translation>仅限医生使用（负责人已拥有全部权限）</translation>
    </message>
    <message>
        <source>could be day/month or month/day: choose the file&apos;s date format</source>
        <translation>可能是“日/月”，也可能是“月/日”：请选择文件的日期格式</translation>
    </message>
    <message>
        <source>holds text-direction override characters (a spoofing trick); remove them</source>
        <translation>含有文字方向覆盖字符（一种伪装手法）；请将其删除</translation>
    </message>
    <message>
        <source>holds control characters</source>
        <translation>含有控制字符</translation>
    </message>
    <message>
        <source>matches no patient (import the patients first)</source>
        <translation>未匹配到任何患者（请先导入患者）</translation>
    </message>
    <message>
        <source>matches several patients; use their external id</source>
        <translation>匹配到多位患者；请使用其外部编号</translation>
    </message>
    <message>
        <source>is not allowed for your role</source>
        <translation>超出您的角色权限</translation>
    </message>
    <message>
        <source>column is missing</source>
        <translation>列缺失</translation>
    </message>
    <message>
        <source>is mapped to a column the file does not have</source>
        <translation>对应的列在文件中不存在</translation>
    </message>
    <message>
        <source>could not be read as CSV</source>
        <translation>无法作为 CSV 读取</translation>
    </message>
    <message>
        <source>has no header row</source>
        <translation>没有表头行</translation>
    </message>
    <message>
        <source>cannot be opened (missing, a folder, or no permission)</source>
        <translation>无法打开（文件不存在、是文件夹或没有权限）</translation>
    </message>
    <message>
        <source>could be a thousand or three decimals (1.234): write 1234 or 1.234,00</source>
        <translation>可能是一千，也可能是三位小数（1.234）：请写成 1234 或 1.234,00</translation>
    </message>
    <message>
        <source>has more cells than the header (an unquoted comma?)</source>
        <translation>单元格多于表头（是否有未加引号的逗号？）</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>referred patient</source>
        <translation>被推荐患者</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>password again</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>occurred at</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>healthy range</source>
        <translation>健康范围</translation>
    </message>
    <message>
        <source>email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>default price</source>
        <translation>默认价格</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>taken at</source>
        <translation>拍摄/检测时间</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>skin type</source>
        <translation>皮肤类型</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>reading session</source>
        <translation>检测记录</translation>
    </message>
    <message>
        <source>practitioner</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>patient id</source>
        <translation>患者编号</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>nps</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>idle lock minutes</source>
        <translation>闲置锁屏分钟数</translation>
    </message>
    <message>
        <source>follow up</source>
        <translation>复诊间隔</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复记录</translation>
    </message>
    <message>
        <source>display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>contraindications</source>
        <translation>禁忌症</translation>
    </message>
    <message>
        <source>clinic name</source>
        <translation>诊所名称</translation>
    </message>
    <message>
        <source>alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>row {row}: {problem}</source>
        <translation>第 {row} 行：{problem}</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}). Nothing was saved. Please try again; if it happens again, tell the clinic owner.</source>
        <translation>出现错误（{kind}），未保存任何内容。请重试；如再次出现，请告知诊所负责人。</translation>
    </message>
    <message>
        <source>At stake</source>
        <translation>涉及价值</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>生成日期</translation>
    </message>
    <message>
        <source>Snoozed until</source>
        <translation>暂缓至</translation>
    </message>
    <message>
        <source>Value at stake: expected value, ranked higher for top tiers and at-risk segments</source>
        <translation>涉及价值：预期价值，高等级会员和有流失风险的分群排名更靠前</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已到诊</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Champions</source>
        <translation>核心客户</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <source>Potential loyalist</source>
        <translation>潜力忠诚客户</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>成长客户</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>需关注客户</translation>
    </message>
    <message>
        <source>About to sleep</source>
        <translation>将沉睡客户</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>流失风险客户</translation>
    </message>
    <message>
        <source>Can&apos;t lose them</source>
        <translation>重点挽回客户</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>休眠客户</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Important value</source>
        <translation>重要价值客户</translation>
    </message>
    <message>
        <source>Important develop</source>
        <translation>重要发展客户</translation>
    </message>
    <message>
        <source>Important keep</source>
        <translation>重要保持客户</translation>
    </message>
    <message>
        <source>Important retain</source>
        <translation>重要挽留客户</translation>
    </message>
    <message>
        <source>General value</source>
        <translation>一般价值客户</translation>
    </message>
    <message>
        <source>General develop</source>
        <translation>一般发展客户</translation>
    </message>
    <message>
        <source>General keep</source>
        <translation>一般保持客户</translation>
    </message>
    <message>
        <source>General retain</source>
        <translation>一般挽留客户</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>沉默</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>沉睡</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>过敏</translation>
    </message>
    <message>
        <source>Contraindication</source>
        <translation>禁忌症</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次到院</translation>
    </message>
    <message>
        <source>Next booking</source>
        <translation>下次预约</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>面诊</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Package / membership</source>
        <translation>疗程卡 / 会员</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Skin test</source>
        <translation>皮肤检测</translation>
    </message>
    <message>
        <source>Packet printed</source>
        <translation>资料已打印</translation>
    </message>
    <message>
        <source>Alert handled</source>
        <translation>提醒已处理</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation>{n} 单位</translation>
    </message>
    <message>
        <source>lot {lot}</source>
        <translation>批号 {lot}</translation>
    </message>
    <message>
        <source>{item}, {n} sessions</source>
        <translation>{item}，{n} 次</translation>
    </message>
    <message>
        <source>outcome: {o}</source>
        <translation>结果：{o}</translation>
    </message>
    <message>
        <source>severity: {s}</source>
        <translation>严重程度：{s}</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>appointment of {day}</source>
        <translation>{day} 的预约</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>skin reading</source>
        <translation>皮肤检测</translation>
    </message>
    <message>
        <source>Preparing the print preview…</source>
        <translation>正在准备打印预览…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>The file could not be written (%1). Choose another folder.</source>
        <translation>无法写入文件（%1），请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>妊娠</translation>
    </message>
    <message>
        <source>Isotretinoin in the last 6 months</source>
        <translation>近 6 个月服用过异维A酸</translation>
    </message>
    <message>
        <source>Anticoagulants</source>
        <translation>正在使用抗凝药</translation>
    </message>
    <message>
        <source>Keloid history</source>
        <translation>瘢痕疙瘩病史</translation>
    </message>
    <message>
        <source>Active infection</source>
        <translation>活动性感染</translation>
    </message>
    <message>
        <source>Photo use</source>
        <translation>照片使用</translation>
    </message>
    <message>
        <source>Marketing by SMS</source>
        <translation>短信营销</translation>
    </message>
    <message>
        <source>Marketing by e-mail</source>
        <translation>邮件营销</translation>
    </message>
    <message>
        <source>Data processing</source>
        <translation>数据处理</translation>
    </message>
    <message>
        <source>First review</source>
        <translation>首次评定</translation>
    </message>
    <message>
        <source>Promoted at review</source>
        <translation>评定时升级</translation>
    </message>
    <message>
        <source>Demoted after the grace period</source>
        <translation>宽限期后降级</translation>
    </message>
    <message>
        <source>Owner&apos;s override</source>
        <translation>负责人手动调整</translation>
    </message>
    <message>
        <source>Override ended</source>
        <translation>手动调整已结束</translation>
    </message>
    <message>
        <source>Records merged</source>
        <translation>记录已合并</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Qualifies for</source>
        <translation>达标等级</translation>
    </message>
    <message>
        <source>Spend 12 m</source>
        <translation>12 个月消费</translation>
    </message>
    <message>
        <source>Visits 12 m</source>
        <translation>12 个月到院</translation>
    </message>
    <message>
        <source>Predicted 12 m</source>
        <translation>12 个月预测</translation>
    </message>
    <message>
        <source>P(alive)</source>
        <translation>存活概率</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原等级</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新等级</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>提醒类型</translation>
    </message>
    <message>
        <source>Packet</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>below</source>
        <translation>低于</translation>
    </message>
    <message>
        <source>at or below</source>
        <translation>不高于</translation>
    </message>
    <message>
        <source>above</source>
        <translation>高于</translation>
    </message>
    <message>
        <source>at or above</source>
        <translation>不低于</translation>
    </message>
    <message>
        <source>British pound</source>
        <translation>英镑</translation>
    </message>
    <message>
        <source>Euro</source>
        <translation>欧元</translation>
    </message>
    <message>
        <source>US dollar</source>
        <translation>美元</translation>
    </message>
    <message>
        <source>Canadian dollar</source>
        <translation>加拿大元</translation>
    </message>
    <message>
        <source>Australian dollar</source>
        <translation>澳大利亚元</translation>
    </message>
    <message>
        <source>New Zealand dollar</source>
        <translation>新西兰元</translation>
    </message>
    <message>
        <source>Swiss franc</source>
        <translation>瑞士法郎</translation>
    </message>
    <message>
        <source>Swedish krona</source>
        <translation>瑞典克朗</translation>
    </message>
    <message>
        <source>Norwegian krone</source>
        <translation>挪威克朗</translation>
    </message>
    <message>
        <source>Danish krone</source>
        <translation>丹麦克朗</translation>
    </message>
    <message>
        <source>Polish złoty</source>
        <translation>波兰兹罗提</translation>
    </message>
    <message>
        <source>Czech koruna</source>
        <translation>捷克克朗</translation>
    </message>
    <message>
        <source>Hungarian forint</source>
        <translation>匈牙利福林</translation>
    </message>
    <message>
        <source>Turkish lira</source>
        <translation>土耳其里拉</translation>
    </message>
    <message>
        <source>UAE dirham</source>
        <translation>阿联酋迪拉姆</translation>
    </message>
    <message>
        <source>Saudi riyal</source>
        <translation>沙特里亚尔</translation>
    </message>
    <message>
        <source>Israeli shekel</source>
        <translation>以色列新谢克尔</translation>
    </message>
    <message>
        <source>South African rand</source>
        <translation>南非兰特</translation>
    </message>
    <message>
        <source>Indian rupee</source>
        <translation>印度卢比</translation>
    </message>
    <message>
        <source>Singapore dollar</source>
        <translation>新加坡元</translation>
    </message>
    <message>
        <source>Hong Kong dollar</source>
        <translation>港元</translation>
    </message>
    <message>
        <source>Chinese yuan</source>
        <translation>人民币</translation>
    </message>
    <message>
        <source>New Taiwan dollar</source>
        <translation>新台币</translation>
    </message>
    <message>
        <source>Japanese yen</source>
        <translation>日元</translation>
    </message>
    <message>
        <source>South Korean won</source>
        <translation>韩元</translation>
    </message>
    <message>
        <source>Thai baht</source>
        <translation>泰铢</translation>
    </message>
    <message>
        <source>Malaysian ringgit</source>
        <translation>马来西亚林吉特</translation>
    </message>
    <message>
        <source>Brazilian real</source>
        <translation>巴西雷亚尔</translation>
    </message>
    <message>
        <source>Mexican peso</source>
        <translation>墨西哥比索</translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>简体中文</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Injectables</source>
        <translation>注射类</translation>
    </message>
    <message>
        <source>Laser &amp; light</source>
        <translation>激光与光电(&amp; )</translation>
    </message>
    <message>
        <source>Peels</source>
        <translation>化学焕肤</translation>
    </message>
    <message>
        <source>Skin management &amp; facials</source>
        <translation>皮肤管理与面部护理(&amp; )</translation>
    </message>
    <message>
        <source>Surgery</source>
        <translation>手术</translation>
    </message>
    <message>
        <source>Retail skincare</source>
        <translation>零售护肤品</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>AlertActionDialog</name>
    <message>
        <source>no phone</source>
        <translation>无电话</translation>
    </message>
</context>
<context>
    <name>AlertRulesSection</name>
    <message>
        <source>Alert rules</source>
        <translation>提醒规则</translation>
    </message>
    <message>
        <source>Which patients the alerts inbox suggests contacting, and when. Changes apply from the next alert run.</source>
        <translation>提醒收件箱建议联系哪些患者、何时联系。修改从下一次生成提醒时起生效。</translation>
    </message>
    <message>
        <source>The inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>After a contact attempt, do not suggest the same patient for</source>
        <translation>联系过一次后，同一患者在以下天数内不再建议联系：</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Raise at most</source>
        <translation>每天最多生成</translation>
    </message>
    <message>
        <source>new alerts a day</source>
        <translation>条新提醒</translation>
    </message>
    <message>
        <source>A short inbox gets worked; a long one gets ignored.</source>
        <translation>短的收件箱会被处理，长的收件箱会被忽略。</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>treatment&apos;s usual interval passed by more than</source>
        <translation>超过项目常规复诊间隔的</translation>
    </message>
    <message>
        <source>Botox every 90–120 days with 20 %: raised after 108 days.</source>
        <translation>例如肉毒素每 90–120 天一次、设为 20 %：第 108 天生成提醒。</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>至少</translation>
    </message>
    <message>
        <source>paid visits, and a gap over</source>
        <translation>次付费到院，且间隔超过</translation>
    </message>
    <message>
        <source>their usual gap</source>
        <translation>其常规间隔</translation>
    </message>
    <message>
        <source>For regulars whose visits suddenly stop.</source>
        <translation>适用于突然不再到院的老客户。</translation>
    </message>
    <message>
        <source>the patient became</source>
        <translation>患者进入</translation>
    </message>
    <message>
        <source>When the time since the last paid visit moves the patient to the next lifecycle stage.</source>
        <translation>距上次付费到院的时间使患者进入下一个生命周期阶段时提醒。</translation>
    </message>
    <message>
        <source>satisfaction at most</source>
        <translation>满意度不高于</translation>
    </message>
    <message>
        <source>CSAT at most</source>
        <translation>CSAT 不高于</translation>
    </message>
    <message>
        <source>or NPS at most</source>
        <translation>或 NPS 不高于</translation>
    </message>
    <message>
        <source>Raised at once, so the clinic can put things right.</source>
        <translation>立即生成，便于诊所及时补救。</translation>
    </message>
    <message>
        <source>tier lowered, or expected value down by</source>
        <translation>会员等级下降，或预期价值下降</translation>
    </message>
    <message>
        <source>Compared with the previous monthly review.</source>
        <translation>与上一次月度评定相比。</translation>
    </message>
    <message>
        <source>chance still coming below</source>
        <translation>仍会再来的概率低于</translation>
    </message>
    <message>
        <source>after at least</source>
        <translation>且至少到院</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>次</translation>
    </message>
    <message>
        <source>From a model fitted on the clinic&apos;s own history.</source>
        <translation>基于本诊所自身历史数据拟合的模型。</translation>
    </message>
    <message>
        <source>Tick at least one stage for “%1”, or turn it off.</source>
        <translation>请为“%1”至少勾选一个阶段，或关闭该规则。</translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Alerts inbox</source>
        <translation>提醒收件箱</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>已暂缓</translation>
    </message>
    <message>
        <source>Which alerts to show</source>
        <translation>显示哪些提醒</translation>
    </message>
    <message>
        <source>Run today&apos;s alerts</source>
        <translation>生成今日提醒</translation>
    </message>
    <message>
        <source>Look for patients to call today (safe to run again: nothing is raised twice)</source>
        <translation>查找今天需要联系的患者（可重复运行：同一提醒不会生成两次）</translation>
    </message>
    <message>
        <source>Log a &amp;call…</source>
        <translation>记录通话(&amp;C)…</translation>
    </message>
    <message>
        <source>Log a call to this patient</source>
        <translation>记录与该患者的通话</translation>
    </message>
    <message>
        <source>&amp;Rebooked…</source>
        <translation>已再预约(&amp;R)…</translation>
    </message>
    <message>
        <source>Book the patient and resolve</source>
        <translation>为患者预约并处理该提醒</translation>
    </message>
    <message>
        <source>&amp;Snooze…</source>
        <translation>暂缓(&amp;S)…</translation>
    </message>
    <message>
        <source>Hide the alert until a later day</source>
        <translation>在某日之前隐藏该提醒</translation>
    </message>
    <message>
        <source>Res&amp;olve…</source>
        <translation>处理(&amp;O)…</translation>
    </message>
    <message>
        <source>Resolve with an outcome</source>
        <translation>记录结果并处理</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>忽略(&amp;D)</translation>
    </message>
    <message>
        <source>Dismiss the alert: not worth a call</source>
        <translation>忽略该提醒：无需致电</translation>
    </message>
    <message>
        <source>Open &amp;patient</source>
        <translation>打开患者(&amp;P)</translation>
    </message>
    <message>
        <source>Open the patient (Enter)</source>
        <translation>打开患者（Enter）</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Nothing to do here: the list is empty.</source>
        <translation>暂无待办：列表为空。</translation>
    </message>
    <message>
        <source>No phone</source>
        <translation>无电话</translation>
    </message>
    <message>
        <source>Value at stake: %1</source>
        <translation>涉及价值：%1</translation>
    </message>
    <message>
        <source>Raised on %1</source>
        <translation>生成于 %1</translation>
    </message>
    <message>
        <source>Prefers: %1</source>
        <translation>偏好：%1</translation>
    </message>
    <message>
        <source>Also in the list: %1</source>
        <translation>同时在列表中：%1</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>暂缓至 %1</translation>
    </message>
    <message>
        <source>a phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>a messaging app</source>
        <translation>即时通讯应用</translation>
    </message>
    <message>
        <source>no contact</source>
        <translation>不联系</translation>
    </message>
    <message>
        <source>Call logged on %1&apos;s timeline. The alert stays open until you resolve it.</source>
        <translation>通话已记录在%1的时间线上。该提醒在您处理之前仍保持待处理。</translation>
    </message>
    <message>
        <source>Rebook %1</source>
        <translation>为%1再预约</translation>
    </message>
    <message>
        <source>Already booked: just resolve</source>
        <translation>已预约：直接处理</translation>
    </message>
    <message>
        <source>Booked for %1</source>
        <translation>已预约：%1</translation>
    </message>
    <message>
        <source>d MMM yyyy HH:mm</source>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
    <message>
        <source>Dismiss this alert for %1?</source>
        <translation>忽略%1的这条提醒？</translation>
    </message>
    <message>
        <source>It leaves the inbox, is noted on the timeline, and will not be raised again for this cause.</source>
        <translation>提醒将移出收件箱、记录在时间线上，并且不会因同一原因再次生成。</translation>
    </message>
    <message>
        <source>Dismiss alert</source>
        <translation>忽略提醒</translation>
    </message>
    <message>
        <source>%1: snoozed until %2.</source>
        <translation>%1：已暂缓至 %2。</translation>
    </message>
    <message>
        <source>%1: done, and noted on the timeline.</source>
        <translation>%1：已完成，并记录在时间线上。</translation>
    </message>
    <message>
        <source>Looking for patients to call today…</source>
        <translation>正在查找今天需要联系的患者…</translation>
    </message>
    <message>
        <source>No new alerts</source>
        <translation>没有新提醒</translation>
    </message>
    <message>
        <source>1 new alert</source>
        <translation>1 条新提醒</translation>
    </message>
    <message>
        <source>%1 new alerts</source>
        <translation>%1 条新提醒</translation>
    </message>
    <message>
        <source>back from snooze: %1</source>
        <translation>暂缓到期：%1</translation>
    </message>
    <message>
        <source>left for another day by the daily limit: %1</source>
        <translation>因每日上限顺延：%1</translation>
    </message>
    <message>
        <source>This alert no longer exists. The inbox has been reloaded.</source>
        <translation>该提醒已不存在，收件箱已重新载入。</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>其他人</translation>
    </message>
    <message>
        <source>This alert was changed by %1</source>
        <translation>该提醒已被%1修改</translation>
    </message>
    <message>
        <source> at %1</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>. The inbox has been reloaded; nothing else was changed.</source>
        <translation>。收件箱已重新载入，其他内容未更改。</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <source>&amp;Emergency access only</source>
        <translation>仅紧急访问(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Patient #</source>
        <translation>患者编号</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>◀ &amp;Newer</source>
        <translation>◀ 较新(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Older ▶</source>
        <translation>较早(&amp;O) ▶</translation>
    </message>
    <message>
        <source>&amp;Verify the chain</source>
        <translation>校验日志链(&amp;V)</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>没有记录</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>第 %1–%2 条，共 %3 条</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>Every entry and the sealed head verified: the log is intact.</source>
        <translation>每条记录及封存的链头均已通过校验：日志完整无误。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Tampered: first bad entry #%1 (%2): %3</source>
        <translation>已被篡改：第一条异常记录 #%1（%2）：%3</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>(nobody signed in)</source>
        <translation>（无人登录）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Book an appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>预约(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Day and time</source>
        <translation>日期和时间(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Treatment</source>
        <translation>项目(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Practitioner</source>
        <translation>医生(&amp;P)</translation>
    </message>
    <message>
        <source>Optional, e.g. &apos;top-up, 30 minutes&apos;</source>
        <translation>可选，例如“补打，30 分钟”</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>尚未确定</translation>
    </message>
    <message>
        <source>Any practitioner</source>
        <translation>任意医生</translation>
    </message>
    <message>
        <source>That time has passed. Choose a time from now on.</source>
        <translation>该时间已过，请选择现在之后的时间。</translation>
    </message>
</context>
<context>
    <name>BreakGlassNoticeDialog</name>
    <message>
        <source>Emergency access was used</source>
        <translation>紧急访问已被使用</translation>
    </message>
    <message numerus="yes">
        <source>%n emergency session(s) since you last acknowledged. Everything done in them is flagged in the audit log (Audit log, Emergency access only).</source>
        <translation>
            <numerusform>自您上次确认以来，共有 %n 次紧急访问会话。其中的所有操作都已在审计日志中标记（审计日志，仅紧急访问）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 to %3 at %4: %5</source>
        <translation>%1，%2 至 %3，工作站 %4：%5</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认已知晓(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
</context>
<context>
    <name>CallLogDialog</name>
    <message>
        <source>Log a call</source>
        <translation>记录通话</translation>
    </message>
    <message>
        <source>What happened on the call</source>
        <translation>通话情况</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>摘要(&amp;S)</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>记录通话</translation>
    </message>
</context>
<context>
    <name>ClinicDetailsSection</name>
    <message>
        <source>Clinic details</source>
        <translation>诊所信息</translation>
    </message>
    <message>
        <source>How the clinic appears on printed packets and reports.</source>
        <translation>诊所在打印资料和报告上的显示方式。</translation>
    </message>
    <message>
        <source>Clinic &amp;name</source>
        <translation>诊所名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>货币(&amp;C)</translation>
    </message>
    <message>
        <source>Amounts already recorded are not converted.</source>
        <translation>已记录的金额不会换算。</translation>
    </message>
    <message>
        <source>C&amp;ountry</source>
        <translation>国家/地区(&amp;O)</translation>
    </message>
    <message>
        <source>Phone numbers without a country code are read as this country&apos;s.</source>
        <translation>未带国家代码的电话号码按此国家/地区解读。</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Emergency phone</source>
        <translation>紧急电话(&amp;E)</translation>
    </message>
    <message>
        <source>Printed on after-care sheets.</source>
        <translation>印在术后护理单上。</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>电子邮件(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>网站(&amp;W)</translation>
    </message>
    <message>
        <source>Opening &amp;hours</source>
        <translation>营业时间(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Lock the screen after</source>
        <translation>闲置多久后锁屏(&amp;L)</translation>
    </message>
    <message>
        <source>of no keyboard or mouse use, so patient records are not left open.</source>
        <translation>无键盘或鼠标操作后锁屏，以免患者资料无人看管。</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Change the currency?</source>
        <translation>更改货币？</translation>
    </message>
    <message>
        <source>Change the clinic&apos;s currency from %1 to %2? Amounts already recorded keep their numbers: they are not converted.</source>
        <translation>将诊所货币从 %1 改为 %2？已记录的金额数字保持不变，不会换算。</translation>
    </message>
</context>
<context>
    <name>ClinicLocationDialog</name>
    <message>
        <source>Where is this clinic&apos;s data?</source>
        <translation>诊所的数据存放在哪里？</translation>
    </message>
    <message>
        <source>On this computer (an encrypted database file)</source>
        <translation>在这台电脑上（一个加密的数据库文件）</translation>
    </message>
    <message>
        <source>Use a clinic server (several workstations share one database)</source>
        <translation>使用诊所服务器（多个工作站共用一个数据库）</translation>
    </message>
    <message>
        <source>postgresql+psycopg://clinic_app@server.clinic.local/clinic</source>
        <translation>postgresql+psycopg://clinic_app@server.clinic.local/clinic</translation>
    </message>
    <message>
        <source>Your clinic&apos;s administrator gives you this address. The password is asked next and kept in this computer&apos;s keyring; a server on another computer must offer verified TLS.</source>
        <translation>此地址由诊所的管理员提供。接下来会询问密码，并保存在这台电脑的钥匙串中；位于其他电脑上的服务器必须提供经过验证的 TLS。</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>The patient&apos;s own language</source>
        <translation>患者的首选语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>正在准备文档…</translation>
    </message>
    <message>
        <source>Print &amp;preview…</source>
        <translation>打印预览(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n page(s) of PDF.</source>
        <translation>
            <numerusform>已就绪：PDF 共 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>Recorded on the patient&apos;s timeline.</source>
        <translation>已记录在患者的时间线上。</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>Only practitioners and owners can change clinical entries.</source>
        <translation>只有医生和负责人可以修改临床记录。</translation>
    </message>
    <message>
        <source>Earlier versions:</source>
        <translation>历史版本：</translation>
    </message>
    <message>
        <source>&amp;Remove entry…</source>
        <translation>删除记录(&amp;R)…</translation>
    </message>
    <message>
        <source>Version %1, replaced %2 %3: %4</source>
        <translation>版本 %1，于 %2 被 %3 替换：%4</translation>
    </message>
    <message>
        <source>Remove entry</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Remove this %1 from the timeline? It is kept with its history and can be found in the audit log, but it no longer counts anywhere.</source>
        <translation>从时间线上删除这条%1？它会连同历史一起保留，可在审计日志中查到，但不再计入任何统计。</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All %1</source>
        <translation>全部 %1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from CSV</source>
        <translation>从 CSV 导入</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>History (treatments, purchases, payments, calls, messages, notes, surveys)</source>
        <translation>历史记录（治疗、购买、付款、电话、消息、备注、满意度调查）</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Refuse dates that could be either (03/04/2021)</source>
        <translation>拒绝有歧义的日期（03/04/2021）</translation>
    </message>
    <message>
        <source>Day first: 03/04/2021 is 3 April</source>
        <translation>日在前：03/04/2021 为 4 月 3 日</translation>
    </message>
    <message>
        <source>Month first: 03/04/2021 is March 4</source>
        <translation>月在前：03/04/2021 为 3 月 4 日</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>导入内容(&amp;W)：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>日期格式(&amp;D)：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>保存报告(&amp;S)…</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>选择 CSV 文件</translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>{rows} rows · {encoding} · separated by &apos;{delimiter}&apos;</source>
        <translation>{rows} 行 · {encoding} · 分隔符“{delimiter}”</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>{new} new, {existing} already present, {repeated} repeated in the file, {errors} with errors.</source>
        <translation>新增 {new} 条，已存在 {existing} 条，文件内重复 {repeated} 条，有错误 {errors} 条。</translation>
    </message>
    <message>
        <source>Ready to import.</source>
        <translation>可以导入。</translation>
    </message>
    <message>
        <source>Correct the rows listed; a file imports all or nothing.</source>
        <translation>请更正所列各行；一个文件要么全部导入，要么全部不导入。</translation>
    </message>
    <message>
        <source>Imported: {created} created.</source>
        <translation>已导入：新建 {created} 条。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>already present</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>same as row {row}</source>
        <translation>与第 {row} 行相同</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Report saved to {path}.</source>
        <translation>报告已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>ListSection</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Throw away the changes you made here?</source>
        <translation>放弃您在此处所做的更改？</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked — %1</source>
        <translation>已锁定 — %1</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>The screen was locked to keep patient information private. Enter your password to go on.</source>
        <translation>为保护患者隐私，屏幕已锁定。请输入密码继续。</translation>
    </message>
    <message>
        <source>Locked at %1</source>
        <translation>锁定于 %1</translation>
    </message>
    <message>
        <source>Anyone with an active account can unlock by signing in here.</source>
        <translation>任何有效账户均可在此登录解锁。</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Type your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Find patient</source>
        <translation>查找患者(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>新建患者(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Import from CSV…</source>
        <translation>从 CSV 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>患者(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>DermaDesk</source>
        <translation>DermaDesk</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge with a duplicate — %1</source>
        <translation>合并重复记录 — %1</translation>
    </message>
    <message>
        <source>Find the other record of &lt;b&gt;%1&lt;/b&gt;. Everything on it moves to the record you keep: every timeline entry, reading, photo, consent, appointment, alert and tier record. Empty details of the kept record are filled from the other one. The other record stays only as a pointer. To keep the other record instead, open it and merge from there.</source>
        <translation>查找 &lt;b&gt;%1&lt;/b&gt; 的另一条记录。其上的所有内容都会移到您保留的记录中：每条时间线记录、检测、照片、同意书、预约、提醒和会员等级记录。保留记录中的空白信息会用另一条记录补全。另一条记录只保留为指向本记录的链接。如要保留另一条记录，请打开它并从那里合并。</translation>
    </message>
    <message>
        <source>Choose the other record to see what will move.</source>
        <translation>选择另一条记录以查看将要移动的内容。</translation>
    </message>
    <message>
        <source>I have checked these are the same person. A merge cannot be undone.</source>
        <translation>我已核实这是同一个人。合并无法撤销。</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Find the other record:</source>
        <translation>查找另一条记录(&amp;F)：</translation>
    </message>
    <message>
        <source>Likely duplicates:</source>
        <translation>可能的重复记录：</translation>
    </message>
    <message>
        <source>Counting what will move…</source>
        <translation>正在统计将移动的内容…</translation>
    </message>
    <message>
        <source>Folding &lt;b&gt;%1&lt;/b&gt; (#%2%3) into &lt;b&gt;%4&lt;/b&gt;. These move:</source>
        <translation>将 &lt;b&gt;%1&lt;/b&gt;（#%2%3）并入 &lt;b&gt;%4&lt;/b&gt;。以下内容将移动：</translation>
    </message>
    <message>
        <source>• %1 timeline entries</source>
        <translation>• %1 条时间线记录</translation>
    </message>
    <message>
        <source>• %1 reading sessions, %2 photos, %3 consent records</source>
        <translation>• %1 次皮肤检测、%2 张照片、%3 条同意记录</translation>
    </message>
    <message>
        <source>• %1 appointments, %2 alerts (open ones are closed as merged)</source>
        <translation>• %1 个预约、%2 条提醒（待处理的提醒将以“已合并”关闭）</translation>
    </message>
    <message>
        <source>Merging the records…</source>
        <translation>正在合并记录…</translation>
    </message>
</context>
<context>
    <name>MetricsSection</name>
    <message>
        <source>Skin-reading metrics</source>
        <translation>皮肤检测指标</translation>
    </message>
    <message>
        <source>What a skin test measures. A reading past the concern threshold is marked on the patient&apos;s charts; the healthy range is drawn as a band.</source>
        <translation>皮肤检测测量的内容。超过关注阈值的数值会在患者图表上标出；健康范围以色带显示。</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Concern when</source>
        <translation>关注条件</translation>
    </message>
    <message>
        <source>Healthy range</source>
        <translation>健康范围</translation>
    </message>
    <message>
        <source>&amp;New metric</source>
        <translation>新建指标(&amp;N)</translation>
    </message>
    <message>
        <source>%1 (not in use)</source>
        <translation>%1（未启用）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>In use (offered when recording a reading)</source>
        <translation>启用（记录检测时可选）</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Concern when</source>
        <translation>关注条件(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Healthy range</source>
        <translation>健康范围(&amp;H)</translation>
    </message>
    <message>
        <source>Optional.</source>
        <translation>可选。</translation>
    </message>
</context>
<context>
    <name>MovementMatrix</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>From %1 to %2: %3 patients</source>
        <translation>从%1到%2：%3 位患者</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Override tier</source>
        <translation>手动调整会员等级</translation>
    </message>
    <message>
        <source>e.g. long-standing patient, recovering from surgery</source>
        <translation>例如：多年老客户、术后恢复期</translation>
    </message>
    <message>
        <source>The override applies from the next monthly review until its end date; the patient&apos;s tier history keeps it with your reason.</source>
        <translation>手动调整从下一次月度评定起生效，直至结束日期；患者的等级历史会连同您的理由一并保留。</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>会员等级(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>截止(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>设置口令</translation>
    </message>
    <message>
        <source>Unlock the clinic database</source>
        <translation>解锁诊所数据库</translation>
    </message>
    <message>
        <source>Enter the recovery key</source>
        <translation>输入恢复密钥</translation>
    </message>
    <message>
        <source>This computer has no system keyring DermaDesk can use, so the database key is protected by a passphrase.</source>
        <translation>这台电脑没有 DermaDesk 可用的系统钥匙串，因此数据库密钥由口令保护。</translation>
    </message>
    <message>
        <source>Type the recovery key you printed when the database was created.</source>
        <translation>请输入创建数据库时打印的恢复密钥。</translation>
    </message>
    <message>
        <source>Clinic server password</source>
        <translation>诊所服务器密码</translation>
    </message>
    <message>
        <source>The password of your login on the clinic server. It is kept in this computer&apos;s keyring once the server accepts it.</source>
        <translation>您在诊所服务器上的登录密码。服务器接受后，它会保存在这台电脑的钥匙串中。</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再次输入</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>请至少使用 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>两次输入不一致。</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>Edit patient — %1</source>
        <translation>编辑患者 — %1</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <source>Identity and contact</source>
        <translation>身份与联系方式</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>名(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>姓(&amp;F)：</translation>
    </message>
    <message>
        <source>P&amp;referred name:</source>
        <translation>常用称呼(&amp;R)：</translation>
    </message>
    <message>
        <source>Name in &amp;Latin letters:</source>
        <translation>拼音/拉丁字母姓名(&amp;L)：</translation>
    </message>
    <message>
        <source>e.g. Wang Fang, so it can be found by typing</source>
        <translation>例如 Wang Fang，便于输入查找（中文姓名留空会自动生成拼音）</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>出生日期(&amp;D)：</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>性别(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>电子邮件(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>语言(&amp;N)：</translation>
    </message>
    <message>
        <source>Contact &amp;by:</source>
        <translation>联系方式(&amp;B)：</translation>
    </message>
    <message>
        <source>Clinical</source>
        <translation>临床信息</translation>
    </message>
    <message>
        <source>S&amp;kin type:</source>
        <translation>皮肤类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Concerns:</source>
        <translation>皮肤问题：</translation>
    </message>
    <message>
        <source>All&amp;ergies:</source>
        <translation>过敏史(&amp;E)：</translation>
    </message>
    <message>
        <source>e.g. lidocaine, latex</source>
        <translation>例如：利多卡因、乳胶</translation>
    </message>
    <message>
        <source>Contraindications:</source>
        <translation>禁忌症：</translation>
    </message>
    <message>
        <source>&amp;Medications:</source>
        <translation>用药(&amp;M)：</translation>
    </message>
    <message>
        <source>Consents and source</source>
        <translation>同意书与来源</translation>
    </message>
    <message>
        <source>Agreed to:</source>
        <translation>已同意：</translation>
    </message>
    <message>
        <source>&amp;Came through:</source>
        <translation>来源渠道(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Open existing</source>
        <translation>打开已有记录(&amp;O)</translation>
    </message>
    <message>
        <source>Create &amp;anyway</source>
        <translation>仍然新建(&amp;A)</translation>
    </message>
    <message>
        <source>&lt;b&gt;This may be a patient who is already registered.&lt;/b&gt; Open the existing record, or create a new one if this is a different person.</source>
        <translation>&lt;b&gt;该患者可能已经登记过。&lt;/b&gt;请打开已有记录；如果是不同的人，再新建记录。</translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <source>Warnings</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>同意书</translation>
    </message>
    <message>
        <source>P(alive) %1 %</source>
        <translation>存活概率 %1 %</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>尚未评定</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>Skin type %1</source>
        <translation>皮肤类型 %1</translation>
    </message>
    <message>
        <source>Last visit %1</source>
        <translation>上次到院 %1</translation>
    </message>
    <message>
        <source>next booking %1</source>
        <translation>下次预约 %1</translation>
    </message>
    <message>
        <source>Allergies: %1</source>
        <translation>过敏：%1</translation>
    </message>
    <message>
        <source>Contraindications: %1</source>
        <translation>禁忌症：%1</translation>
    </message>
    <message>
        <source>No known allergies or contraindications</source>
        <translation>无已知过敏或禁忌症</translation>
    </message>
</context>
<context>
    <name>PatientPicker</name>
    <message>
        <source>Name, phone or e-mail</source>
        <translation>姓名、电话或电子邮件</translation>
    </message>
</context>
<context>
    <name>PatientProfilePage</name>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation>编辑资料(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit this patient&apos;s details (Ctrl+E)</source>
        <translation>编辑该患者的资料（Ctrl+E）</translation>
    </message>
    <message>
        <source>&amp;Merge duplicate…</source>
        <translation>合并重复记录(&amp;M)…</translation>
    </message>
    <message>
        <source>Pri&amp;vacy requests…</source>
        <translation>隐私请求(&amp;V)…</translation>
    </message>
    <message>
        <source>After-care &amp;packet…</source>
        <translation>术后护理资料(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the after-care packet of the selected treatment&apos;s visit (or the latest treatment)</source>
        <translation>打印所选治疗（或最近一次治疗）那次到院的术后护理资料</translation>
    </message>
    <message>
        <source>&amp;Welcome pack…</source>
        <translation>欢迎资料(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>Skin &amp;readings</source>
        <translation>皮肤检测(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Photos</source>
        <translation>照片(&amp;P)</translation>
    </message>
    <message>
        <source>Tiers &amp;&amp; a&amp;lerts</source>
        <translation>会员等级与提醒(&amp;L)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>After-care packet</source>
        <translation>术后护理资料</translation>
    </message>
    <message>
        <source>This patient has no treatment on the timeline shown.</source>
        <translation>当前显示的时间线上没有该患者的治疗记录。</translation>
    </message>
    <message>
        <source>Welcome pack</source>
        <translation>欢迎资料</translation>
    </message>
    <message>
        <source>End override</source>
        <translation>结束手动调整</translation>
    </message>
    <message>
        <source>End this tier override now? From the next review the patient&apos;s tier follows the floors again.</source>
        <translation>现在结束这项会员等级手动调整？从下一次评定起，患者等级将重新按门槛确定。</translation>
    </message>
</context>
<context>
    <name>PatientTiersPanel</name>
    <message>
        <source>&amp;Override tier…</source>
        <translation>手动调整会员等级(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;End override</source>
        <translation>结束手动调整(&amp;E)</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>手动调整</translation>
    </message>
    <message>
        <source>Monthly reviews</source>
        <translation>月度评定</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>等级历史</translation>
    </message>
    <message>
        <source>Alerts for this patient</source>
        <translation>该患者的提醒</translation>
    </message>
    <message>
        <source>Packets printed</source>
        <translation>已打印的资料</translation>
    </message>
    <message>
        <source>review %1</source>
        <translation>评定 %1</translation>
    </message>
    <message>
        <source>No tier changes yet.</source>
        <translation>暂无等级变化。</translation>
    </message>
    <message>
        <source>No overrides.</source>
        <translation>没有手动调整。</translation>
    </message>
    <message>
        <source>No alerts raised for this patient.</source>
        <translation>该患者暂无提醒。</translation>
    </message>
    <message>
        <source>No packets printed yet.</source>
        <translation>尚未打印资料。</translation>
    </message>
    <message>
        <source>Not in any monthly review yet.</source>
        <translation>尚未参加任何月度评定。</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>提前结束</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>暂缓至 %1</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>已处理：%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已忽略</translation>
    </message>
</context>
<context>
    <name>PatientsPage</name>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Find a patient: name, phone or e-mail  (Ctrl+F)</source>
        <translation>查找患者：姓名、拼音、电话或电子邮件（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>新建患者(&amp;N)…</translation>
    </message>
    <message>
        <source>Register a new patient (Ctrl+N)</source>
        <translation>登记新患者（Ctrl+N）</translation>
    </message>
    <message>
        <source>Type a name (any script, accents optional), a phone number or an e-mail. Down arrow moves into the results; Enter opens.</source>
        <translation>输入姓名（任何文字均可，中文姓名也可输入拼音，如 wangfang）、电话号码或电子邮件。按下箭头进入结果，按 Enter 打开。</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>No %1 matches “%2”. Press Ctrl+N to register a new patient.</source>
        <translation>没有与“%2”匹配的%1。按 Ctrl+N 登记新患者。</translation>
    </message>
    <message>
        <source>The first %1 matches; type more to narrow them.</source>
        <translation>仅显示前 %1 个结果；请继续输入以缩小范围。</translation>
    </message>
    <message>
        <source>1 patient found</source>
        <translation>找到 1 位患者</translation>
    </message>
    <message>
        <source>%1 patients found</source>
        <translation>找到 %1 位患者</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>&amp;Choose picture…</source>
        <translation>选择图片(&amp;C)…</translation>
    </message>
    <message>
        <source>No picture chosen</source>
        <translation>未选择图片</translation>
    </message>
    <message>
        <source>— not attached —</source>
        <translation>— 不关联 —</translation>
    </message>
    <message>
        <source>e.g. Before, 2 weeks after</source>
        <translation>例如：治疗前、治疗后 2 周</translation>
    </message>
    <message>
        <source>Picture:</source>
        <translation>图片：</translation>
    </message>
    <message>
        <source>&amp;Taken:</source>
        <translation>拍摄时间(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Belongs to:</source>
        <translation>关联到(&amp;B)：</translation>
    </message>
    <message>
        <source>C&amp;aption:</source>
        <translation>说明(&amp;A)：</translation>
    </message>
    <message>
        <source>Reading session %1</source>
        <translation>皮肤检测 %1</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <source>This file is not a picture DermaDesk can show.</source>
        <translation>DermaDesk 无法显示此文件中的图片。</translation>
    </message>
</context>
<context>
    <name>PhotosPanel</name>
    <message>
        <source>Add &amp;photo…</source>
        <translation>添加照片(&amp;P)…</translation>
    </message>
    <message>
        <source>Select two photos (Ctrl+click) to compare them side by side.</source>
        <translation>选择两张照片（Ctrl+单击）可并排对比。</translation>
    </message>
    <message>
        <source>No photos for this patient yet.</source>
        <translation>该患者暂无照片。</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy requests — {name}</source>
        <translation>隐私请求 — {name}</translation>
    </message>
    <message>
        <source>&amp;Withdraw marketing consent</source>
        <translation>撤回营销同意(&amp;W)</translation>
    </message>
    <message>
        <source>No marketing by SMS or e-mail, and off every recall list</source>
        <translation>不再进行短信或邮件营销，并从所有回访名单中移除</translation>
    </message>
    <message>
        <source>&amp;Export the patient&apos;s data (JSON and PDF)…</source>
        <translation>导出患者数据（JSON 和 PDF）(&amp;E)…</translation>
    </message>
    <message>
        <source>e.g. written request received on 2 November (no names: it is kept)</source>
        <translation>例如：11 月 2 日收到书面请求（请勿填写姓名：此内容会被保留）</translation>
    </message>
    <message>
        <source>E&amp;rase personal data…</source>
        <translation>删除个人数据(&amp;R)…</translation>
    </message>
    <message>
        <source>Erasure on request</source>
        <translation>应请求删除个人数据</translation>
    </message>
    <message>
        <source>Names, contacts, notes, readings, photos and appointments are erased for good. Paid amounts stay, anonymous, for the books.</source>
        <translation>姓名、联系方式、备注、检测数据、照片和预约将被永久删除。已付款金额会以匿名方式保留，用于记账。</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Withdraw {name}&apos;s consent to marketing by SMS and e-mail?</source>
        <translation>撤回 {name} 对短信和邮件营销的同意？</translation>
    </message>
    <message>
        <source>Marketing withdrawn; {n} recall alert(s) dismissed.</source>
        <translation>已撤回营销同意；已忽略 {n} 条回访提醒。</translation>
    </message>
    <message>
        <source>Folder for the patient&apos;s data</source>
        <translation>存放患者数据的文件夹</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Written {files}. They hold personal data: hand them over securely.</source>
        <translation>已写入 {files}。这些文件含有个人数据：请以安全的方式交付。</translation>
    </message>
    <message>
        <source>Erase the personal data of {name}? This cannot be undone.</source>
        <translation>删除 {name} 的个人数据？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <source>Personal data erased; {n} paid entries kept anonymously for the books.</source>
        <translation>个人数据已删除；{n} 条付款记录已匿名保留，用于记账。</translation>
    </message>
</context>
<context>
    <name>ReadingDialog</name>
    <message>
        <source>Add reading session</source>
        <translation>添加皮肤检测</translation>
    </message>
    <message>
        <source>e.g. Skin analyser, Corneometer</source>
        <translation>例如：皮肤检测仪、角质层水分测试仪</translation>
    </message>
    <message>
        <source>e.g. forehead, cheeks</source>
        <translation>例如：额头、脸颊</translation>
    </message>
    <message>
        <source>&amp;Taken:</source>
        <translation>拍摄时间(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Device or method:</source>
        <translation>仪器或方法(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Zones:</source>
        <translation>检测部位(&amp;Z)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Values&lt;/b&gt; (leave empty what was not measured)</source>
        <translation>&lt;b&gt;数值&lt;/b&gt;（未测量的项目请留空）</translation>
    </message>
    <message>
        <source>healthy %1–%2; </source>
        <translation>健康范围 %1–%2；</translation>
    </message>
</context>
<context>
    <name>ReadingsPanel</name>
    <message>
        <source>Add reading &amp;session…</source>
        <translation>添加皮肤检测(&amp;S)…</translation>
    </message>
    <message>
        <source>No skin readings recorded for this patient yet.</source>
        <translation>该患者尚无皮肤检测记录。</translation>
    </message>
    <message>
        <source>Dashed red line: concern threshold; red diamonds cross it.</source>
        <translation>红色虚线：关注阈值；红色菱形表示超过阈值。</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>对比(&amp;C)</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>&amp;Before:</source>
        <translation>之前(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;After:</source>
        <translation>之后(&amp;A)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Compare two sessions&lt;/b&gt;</source>
        <translation>&lt;b&gt;对比两次检测&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation>您的恢复密钥</translation>
    </message>
    <message>
        <source>This key opens your clinic&apos;s database on a new computer or after a reinstall. It is shown only now. Print it or write it down and keep it somewhere safe, away from this computer.</source>
        <translation>此密钥可在新电脑上或重装后打开您诊所的数据库。它只在此刻显示一次。请打印或抄写下来，妥善保管在远离这台电脑的地方。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>I have kept it safe</source>
        <translation>我已妥善保管</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve the alert</source>
        <translation>处理提醒</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>What was said or agreed</source>
        <translation>沟通内容或约定事项</translation>
    </message>
    <message>
        <source>&amp;Note (optional)</source>
        <translation>备注（可选）(&amp;N)</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>处理</translation>
    </message>
</context>
<context>
    <name>RuleFilter</name>
    <message>
        <source>All · %1</source>
        <translation>全部 · %1</translation>
    </message>
    <message>
        <source>Show alerts of every rule</source>
        <translation>显示所有规则的提醒</translation>
    </message>
    <message>
        <source>Open alerts for this rule; click to show only these (and any others chosen)</source>
        <translation>该规则下待处理的提醒；单击只显示这些（以及其他已选规则）</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language on this computer:</source>
        <translation>本机界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Applies at once; the monthly report prints in it too.</source>
        <translation>立即生效；月度报告也使用该语言打印。</translation>
    </message>
    <message>
        <source>Unsaved settings</source>
        <translation>未保存的设置</translation>
    </message>
    <message>
        <source>These settings have changes that are not saved: %1. Throw the changes away?</source>
        <translation>以下设置有未保存的更改：%1。放弃这些更改？</translation>
    </message>
</context>
<context>
    <name>SettingsSection</name>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>Put back the values last saved</source>
        <translation>恢复为上次保存的值</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save this section (Ctrl+S)</source>
        <translation>保存本部分（Ctrl+S）</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>已于 %1 保存。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up DermaDesk</source>
        <translation>设置 DermaDesk</translation>
    </message>
    <message>
        <source>1  Clinic</source>
        <translation>1  诊所</translation>
    </message>
    <message>
        <source>2  Your account</source>
        <translation>2  您的账户</translation>
    </message>
    <message>
        <source>3  Recovery key</source>
        <translation>3  恢复密钥</translation>
    </message>
    <message>
        <source>Welcome to DermaDesk</source>
        <translation>欢迎使用 DermaDesk</translation>
    </message>
    <message>
        <source>First, your clinic. You can change these details later in Settings.</source>
        <translation>首先填写诊所信息。之后可在“设置”中修改。</translation>
    </message>
    <message>
        <source>e.g. Harbour Skin Clinic</source>
        <translation>例如：海港皮肤诊所</translation>
    </message>
    <message>
        <source>Phone numbers typed without a country code are read as this country&apos;s.</source>
        <translation>输入时未带国家代码的电话号码按此国家/地区解读。</translation>
    </message>
    <message>
        <source>Clinic &amp;name</source>
        <translation>诊所名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>货币(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;ountry</source>
        <translation>国家/地区(&amp;O)</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>您的账户</translation>
    </message>
    <message>
        <source>You are the clinic&apos;s owner: you can change every setting and add accounts for your staff. Choose a password of at least 8 characters that only you know.</source>
        <translation>您是诊所负责人：可以修改所有设置并为员工添加账户。请设置一个只有您知道、至少 8 个字符的密码。</translation>
    </message>
    <message>
        <source>e.g. Grace Whitfield</source>
        <translation>例如：王芳</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>您的姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>确认密码(&amp;A)</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>您的恢复密钥</translation>
    </message>
    <message>
        <source>The clinic&apos;s records are encrypted. This key opens them on a new computer or after a reinstall, for example when you restore a backup. It is shown only now: print it or save it as a PDF, and keep it somewhere safe, away from this computer.</source>
        <translation>诊所的记录已加密。此密钥可在新电脑上或重装后（例如恢复备份时）打开这些记录。它只在此刻显示一次：请打印或存为 PDF，并妥善保管在远离这台电脑的地方。</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>I have printed or saved it</source>
        <translation>我已打印或保存</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Setting up your clinic…</source>
        <translation>正在设置您的诊所…</translation>
    </message>
    <message>
        <source>Quit set-up?</source>
        <translation>退出设置？</translation>
    </message>
    <message>
        <source>The recovery key will not be shown again. Without it, the clinic&apos;s records cannot be opened on another computer. Quit set-up anyway?</source>
        <translation>恢复密钥不会再次显示。没有它，就无法在其他电脑上打开诊所的记录。仍要退出设置吗？</translation>
    </message>
    <message>
        <source>Your clinic</source>
        <translation>您的诊所</translation>
    </message>
    <message>
        <source>This key opens the clinic&apos;s encrypted DermaDesk database on a new computer, for example after a reinstall or when restoring a backup. Keep this sheet somewhere safe and away from the computer: with this key and a copy of the database, anyone could read the clinic&apos;s records.</source>
        <translation>此密钥可在新电脑上打开诊所加密的 DermaDesk 数据库，例如重装后或恢复备份时。请将本页妥善保管在远离电脑的地方：任何人只要有此密钥和数据库副本，就能读取诊所的记录。</translation>
    </message>
    <message>
        <source>Printed. Keep the sheet somewhere safe.</source>
        <translation>已打印。请妥善保管这张纸。</translation>
    </message>
    <message>
        <source>Saved to %1. Move it off this computer, e.g. to a USB stick you keep safe.</source>
        <translation>已保存到 %1。请将它移出这台电脑，例如存到妥善保管的 U 盘中。</translation>
    </message>
    <message>
        <source>DermaDesk recovery key</source>
        <translation>DermaDesk 恢复密钥</translation>
    </message>
    <message>
        <source>Save the recovery key as PDF</source>
        <translation>将恢复密钥另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Preparing the sheet…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>The sheet could not be written (%1). Choose another place or printer and try again.</source>
        <translation>无法输出（%1）。请选择其他位置或打印机后重试。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — DermaDesk</source>
        <translation>登录 — DermaDesk</translation>
    </message>
    <message>
        <source>Sign in with your own account.</source>
        <translation>请使用您自己的账户登录。</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Emergency access (practitioners)</source>
        <translation>紧急访问（限医生）(&amp;E)</translation>
    </message>
    <message>
        <source>Opens a time-limited session; everything you do in it is flagged and shown to the owner.</source>
        <translation>开启一个限时会话；其间的所有操作都会被标记并告知负责人。</translation>
    </message>
    <message>
        <source>Why you need emergency access</source>
        <translation>需要紧急访问的原因</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Emergency sign in</source>
        <translation>紧急登录</translation>
    </message>
    <message>
        <source>Type your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Type the reason for emergency access.</source>
        <translation>请输入紧急访问的原因。</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>现在可以重试了。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze the alert</source>
        <translation>暂缓提醒</translation>
    </message>
    <message>
        <source>Snooze &amp;until</source>
        <translation>暂缓至(&amp;U)</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>暂缓</translation>
    </message>
</context>
<context>
    <name>StaffSection</name>
    <message>
        <source>Staff accounts</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <source>Everyone signs in with their own account. Receptionists see patients and log contacts; practitioners also record treatments and readings; owners also change settings and run reports. Disable the account of someone who has left: their name stays on what they recorded.</source>
        <translation>每个人都使用自己的账户登录。前台可查看患者并记录联系；医生还可记录治疗和检测；负责人还可修改设置并生成报告。员工离职后请停用其账户：其姓名仍保留在其记录的内容上。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;New account</source>
        <translation>新建账户(&amp;N)</translation>
    </message>
    <message>
        <source> (you)</source>
        <translation>（您）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Active (can sign in)</source>
        <translation>启用（可登录）</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>确认密码(&amp;A)</translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation>新密码(&amp;P)</translation>
    </message>
    <message>
        <source>Leave empty to keep the current password</source>
        <translation>留空则保留当前密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>TemplatesSection</name>
    <message>
        <source>After-care templates</source>
        <translation>术后护理模板</translation>
    </message>
    <message>
        <source>The advice printed after each treatment. Placeholders such as {patient}, {treatment}, {date}, {practitioner}, {clinic_phone}, {emergency_phone} and {follow_up_date} are filled in when a packet is printed. Have a clinician check any change.</source>
        <translation>每次治疗后打印的护理建议。{patient}、{treatment}、{date}、{practitioner}、{clinic_phone}、{emergency_phone} 和 {follow_up_date} 等占位符在打印时自动填入。任何修改都请由临床医生审核。</translation>
    </message>
    <message>
        <source>Restore the &amp;default</source>
        <translation>恢复默认(&amp;D)</translation>
    </message>
    <message>
        <source>Unsaved template</source>
        <translation>未保存的模板</translation>
    </message>
    <message>
        <source>Drop the changes to the template you were editing?</source>
        <translation>放弃对正在编辑的模板所做的更改？</translation>
    </message>
</context>
<context>
    <name>TiersPage</name>
    <message>
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Patients per tier</source>
        <translation>各等级患者数</translation>
    </message>
    <message>
        <source>Revenue per tier (last 12 months)</source>
        <translation>各等级收入（近 12 个月）</translation>
    </message>
    <message>
        <source>Patients per segment</source>
        <translation>各分群患者数</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Green: moved up a tier · red: moved down · grey: stayed. Hover a cell for its meaning.</source>
        <translation>绿色：升级 · 红色：降级 · 灰色：不变。鼠标悬停可查看含义。</translation>
    </message>
    <message>
        <source>Which monthly review to show</source>
        <translation>显示哪一次月度评定</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>评定(&amp;R)</translation>
    </message>
    <message>
        <source>The day the review looks back from; it is stored for that day&apos;s month</source>
        <translation>评定的基准日；结果按该日所在月份保存</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>截至(&amp;A)</translation>
    </message>
    <message>
        <source>Run review…</source>
        <translation>运行评定…</translation>
    </message>
    <message>
        <source>Work out every patient&apos;s tier, segment and stage as of that day</source>
        <translation>计算截至该日每位患者的会员等级、分群和生命周期阶段</translation>
    </message>
    <message>
        <source>Monthly &amp;report…</source>
        <translation>月度报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Print or save the owner&apos;s report of the chosen month, with its CSV</source>
        <translation>打印或保存所选月份的负责人报告及其 CSV</translation>
    </message>
    <message>
        <source>Patients with a tier</source>
        <translation>有会员等级的患者</translation>
    </message>
    <message>
        <source>Revenue, last 12 months</source>
        <translation>近 12 个月收入</translation>
    </message>
    <message>
        <source>Value at risk (next 12 months)</source>
        <translation>风险价值（未来 12 个月）</translation>
    </message>
    <message>
        <source>Tier moves this month</source>
        <translation>本月等级变动</translation>
    </message>
    <message>
        <source>Reading the review…</source>
        <translation>正在读取评定…</translation>
    </message>
    <message>
        <source>Reading the review before it…</source>
        <translation>正在读取上一次评定…</translation>
    </message>
    <message>
        <source>Loading the tier review</source>
        <translation>正在载入会员等级评定</translation>
    </message>
    <message>
        <source>No tier review yet. Choose a day and run the first one.</source>
        <translation>尚无会员等级评定。请选择日期并运行第一次评定。</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>无等级</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>patients reviewed: %1</source>
        <translation>参评患者：%1</translation>
    </message>
    <message>
        <source>compared with %1</source>
        <translation>对比 %1</translation>
    </message>
    <message>
        <source>the first review: every patient starts from no tier</source>
        <translation>首次评定：所有患者均从无等级开始</translation>
    </message>
    <message>
        <source>Predicted value for the next 12 months of the %1 patients who are %2, or in the segments %3.</source>
        <translation>处于%2阶段或属于%3分群的 %1 位患者在未来 12 个月的预测价值。</translation>
    </message>
    <message>
        <source>↑ %1   ↓ %2</source>
        <translation>↑ %1   ↓ %2</translation>
    </message>
    <message>
        <source>Patients promoted ↑ and demoted ↓ since the review before</source>
        <translation>自上次评定以来升级 ↑ 和降级 ↓ 的患者</translation>
    </message>
    <message>
        <source>no review</source>
        <translation>无评定</translation>
    </message>
    <message>
        <source>Moves from %1 (rows) to %2 (columns)</source>
        <translation>从 %1（行）到 %2（列）的变动</translation>
    </message>
    <message>
        <source>Monthly tier report %1</source>
        <translation>会员等级月度报告 %1</translation>
    </message>
    <message>
        <source>Save &amp;CSV…</source>
        <translation>保存 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Save the report&apos;s figures</source>
        <translation>保存报告中的数据</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Running the tier review…</source>
        <translation>正在运行会员等级评定…</translation>
    </message>
    <message>
        <source>%1 already has a review (as of %2). Running it again replaces it. Continue?</source>
        <translation>%1 已有评定（截至 %2）。再次运行将替换它。继续吗？</translation>
    </message>
    <message>
        <source>Replace the review?</source>
        <translation>替换评定？</translation>
    </message>
    <message>
        <source>Review of %1 done: %2 patients; %3 moved up, %4 down. New alerts: %5.</source>
        <translation>%1 的评定已完成：%2 位患者；%3 位升级，%4 位降级。新提醒：%5 条。</translation>
    </message>
    <message>
        <source>The stored reviews are unchanged.</source>
        <translation>已保存的评定未更改。</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
</context>
<context>
    <name>TiersSection</name>
    <message>
        <source>Membership tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>A patient reaches a tier at the monthly review when their spend in the last 12 months and their paid visits both reach its floors. List the tiers from the entry tier up.</source>
        <translation>在月度评定时，患者近 12 个月的消费金额和付费到院次数都达到某等级的门槛，即可升入该等级。请从入门等级开始由低到高列出。</translation>
    </message>
    <message>
        <source>&amp;Add tier</source>
        <translation>添加等级(&amp;A)</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>删除等级</translation>
    </message>
    <message>
        <source>Lower a patient&apos;s tier only after</source>
        <translation>连续</translation>
    </message>
    <message>
        <source>monthly reviews in a row below its floors</source>
        <translation>次月度评定低于门槛后才降级</translation>
    </message>
    <message>
        <source>So one slow month does not cost a loyal patient their tier.</source>
        <translation>这样，忠诚患者不会因一个月消费较少而降级。</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Spend in 12 months (%1)</source>
        <translation>12 个月消费（%1）</translation>
    </message>
    <message>
        <source>Paid visits floor</source>
        <translation>付费到院次数门槛</translation>
    </message>
    <message>
        <source>Benefits (printed in packets)</source>
        <translation>权益（印在资料上）</translation>
    </message>
    <message>
        <source>Every tier needs a name.</source>
        <translation>每个等级都需要名称。</translation>
    </message>
    <message>
        <source>A spend floor is an amount of zero or more, such as 1,500.00.</source>
        <translation>消费门槛须为零或以上的金额，例如 1,500.00。</translation>
    </message>
    <message>
        <source>Each tier&apos;s floors must be at least those of the tier above it in the list.</source>
        <translation>每个等级的门槛必须不低于列表中它上面一个等级的门槛。</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Filter by words in the entry…</source>
        <translation>按记录中的文字筛选…</translation>
    </message>
    <message>
        <source>&amp;Add entry</source>
        <translation>添加记录(&amp;A)</translation>
    </message>
    <message>
        <source>No entries match</source>
        <translation>没有匹配的记录</translation>
    </message>
    <message>
        <source>Nothing recorded yet</source>
        <translation>暂无记录</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>显示 %1 / %2</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>&amp;Attended</source>
        <translation>已到诊(&amp;A)</translation>
    </message>
    <message>
        <source>Mark the appointment attended</source>
        <translation>将该预约标记为已到诊</translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation>爽约(&amp;N)</translation>
    </message>
    <message>
        <source>Mark the patient did not come</source>
        <translation>标记患者未到</translation>
    </message>
    <message>
        <source>Cance&amp;lled</source>
        <translation>已取消(&amp;L)</translation>
    </message>
    <message>
        <source>Mark the appointment cancelled</source>
        <translation>将该预约标记为已取消</translation>
    </message>
    <message>
        <source>&amp;Book…</source>
        <translation>预约(&amp;B)…</translation>
    </message>
    <message>
        <source>Book an appointment for this patient</source>
        <translation>为该患者预约</translation>
    </message>
    <message>
        <source>&amp;Open patient</source>
        <translation>打开患者(&amp;O)</translation>
    </message>
    <message>
        <source>Open the patient (Enter)</source>
        <translation>打开患者（Enter）</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>&amp;Print today&apos;s after-care…</source>
        <translation>打印今日术后护理资料(&amp;P)…</translation>
    </message>
    <message>
        <source>Every after-care packet of today&apos;s treatments, in one print run</source>
        <translation>一次打印今天所有治疗的术后护理资料</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>No-shows in the last %1 days · %2</source>
        <translation>近 %1 天爽约 · %2</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <translation>M月d日 dddd</translation>
    </message>
    <message>
        <source>no appointments</source>
        <translation>无预约</translation>
    </message>
    <message>
        <source>1 appointment</source>
        <translation>1 个预约</translation>
    </message>
    <message>
        <source>%1 appointments</source>
        <translation>%1 个预约</translation>
    </message>
    <message>
        <source>d MMM HH:mm</source>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <source>Mark %1 as a no-show for %2?</source>
        <translation>将%1在 %2 的预约标记为爽约？</translation>
    </message>
    <message>
        <source>Cancel %1&apos;s appointment of %2?</source>
        <translation>取消%1在 %2 的预约？</translation>
    </message>
    <message>
        <source>It goes on the patient&apos;s timeline and cannot be undone.</source>
        <translation>此操作会记录在患者的时间线上，且无法撤销。</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>%1: attended.</source>
        <translation>%1：已到诊。</translation>
    </message>
    <message>
        <source>%1: no-show, noted on the timeline.</source>
        <translation>%1：爽约，已记录在时间线上。</translation>
    </message>
    <message>
        <source>%1: cancelled, noted on the timeline.</source>
        <translation>%1：已取消，已记录在时间线上。</translation>
    </message>
    <message>
        <source>dddd d MMMM, HH:mm</source>
        <translation>M月d日 dddd HH:mm</translation>
    </message>
    <message>
        <source>Booked for %1.</source>
        <translation>已预约：%1。</translation>
    </message>
    <message>
        <source>After-care packets</source>
        <translation>术后护理资料</translation>
    </message>
    <message>
        <source>No treatments today yet.</source>
        <translation>今天还没有治疗记录。</translation>
    </message>
    <message numerus="yes">
        <source>Today&apos;s after-care packets (%n)</source>
        <translation>
            <numerusform>今日术后护理资料（%n 份）</numerusform>
        </translation>
    </message>
    <message>
        <source>Preparing today&apos;s packets…</source>
        <translation>正在准备今日资料…</translation>
    </message>
    <message>
        <source>This appointment was changed at another desk a moment ago. The list has been reloaded.</source>
        <translation>该预约刚刚在另一台工作站上被修改，列表已重新载入。</translation>
    </message>
</context>
<context>
    <name>TreatmentsSection</name>
    <message>
        <source>Treatment catalogue</source>
        <translation>项目目录</translation>
    </message>
    <message>
        <source>What the clinic offers. The follow-up interval is when a patient usually comes back; the alerts inbox suggests a call when it has passed. A treatment no longer offered stays on old records.</source>
        <translation>诊所提供的项目。复诊间隔是患者通常回来的时间；超过后提醒收件箱会建议致电。不再提供的项目仍保留在旧记录中。</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>复诊</translation>
    </message>
    <message>
        <source>&amp;New treatment</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>%1 (not offered)</source>
        <translation>%1（已停售）</translation>
    </message>
    <message>
        <source>%1–%2 days</source>
        <translation>%1–%2 天</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Offered (shown when recording a treatment)</source>
        <translation>在售（记录治疗时可选）</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>Default &amp;price</source>
        <translation>默认价格(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Follow-up</source>
        <translation>复诊间隔(&amp;F)</translation>
    </message>
    <message>
        <source>Leave at “none” if patients do not usually return for it.</source>
        <translation>如果患者通常不会为此复诊，请保留“无”。</translation>
    </message>
    <message>
        <source>The interval is in days, and the second number cannot be below the first.</source>
        <translation>间隔以天为单位，第二个数字不能小于第一个。</translation>
    </message>
</context>
<context>
    <name>run</name>
    <message>
        <source>DermaDesk is already open on this database in another window.</source>
        <translation>DermaDesk 已在另一个窗口中打开此数据库。</translation>
    </message>
</context>
</TS>
