// The people and the kinds of complaints of a residential compound, in both languages.
import type { Language } from "../src/domain/settings";

export interface Staff {
  assistants: string[];
  manager: string;
  departments: { zh: string; en: string; head: string; headEmail: string; handlers: string[] }[];
}

export const STAFF: Staff = {
  assistants: ["li.na@greenwood-pm.example", "zhou.min@greenwood-pm.example"],
  manager: "wang.jun@greenwood-pm.example",
  departments: [
    {
      zh: "安防",
      en: "Security",
      head: "Chen Gang",
      headEmail: "chen.gang@greenwood-pm.example",
      handlers: ["security.desk@greenwood-pm.example"],
    },
    {
      zh: "工程维修",
      en: "Engineering",
      head: "Zhao Lei",
      headEmail: "zhao.lei@greenwood-pm.example",
      handlers: ["repairs@greenwood-pm.example", "sun.wei@greenwood-pm.example"],
    },
    {
      zh: "环境",
      en: "Environment",
      head: "Liu Fang",
      headEmail: "liu.fang@greenwood-pm.example",
      handlers: ["cleaning@greenwood-pm.example"],
    },
    {
      zh: "客服",
      en: "Customer service",
      head: "Huang Li",
      headEmail: "huang.li@greenwood-pm.example",
      handlers: ["butler@greenwood-pm.example"],
    },
    {
      zh: "停车",
      en: "Parking",
      head: "Wu Qiang",
      headEmail: "wu.qiang@greenwood-pm.example",
      handlers: ["parking@greenwood-pm.example"],
    },
  ],
};

export interface ComplaintKind {
  category: Record<Language, string>;
  severity: "normal" | "serious" | "urgent";
  location: Record<Language, string>;
  content: Record<Language, string>;
  /** Business hours the fix takes, before any delay the scenario adds. */
  fixHours: number;
  /** Waits for something outside the office's hands (parts, the owner, a contractor). */
  pause?: Record<Language, { kind: string; reason: string }>;
}

export const KINDS: readonly ComplaintKind[] = [
  {
    category: { "zh-CN": "噪音扰民", en: "Noise" },
    severity: "normal",
    location: { "zh-CN": "中心广场", en: "Central square" },
    content: {
      "zh-CN": "早上六点广场舞音乐太大声，吵得老人孩子睡不好，希望物业协调音量和时间。",
      en: "Square-dance music at 6 a.m. is far too loud; the elderly and children cannot sleep. Please agree volume and hours.",
    },
    fixHours: 6,
  },
  {
    category: { "zh-CN": "违章搭建", en: "Illegal alterations" },
    severity: "normal",
    location: { "zh-CN": "5栋外立面", en: "Building 5 façade" },
    content: {
      "zh-CN": "楼上住户在外墙违规安装晾衣架，衣服滴水到我家阳台。",
      en: "The flat above installed a laundry rack on the façade; clothes drip onto our balcony.",
    },
    fixHours: 20,
    pause: {
      "zh-CN": { kind: "等待业主", reason: "已发整改通知，等待楼上业主回复拆除时间" },
      en: {
        kind: "Waiting for owner",
        reason: "Notice served; waiting for the upstairs owner to agree a removal date",
      },
    },
  },
  {
    category: { "zh-CN": "环境卫生", en: "Sanitation" },
    severity: "serious",
    location: { "zh-CN": "3栋公共洗手池", en: "Building 3 shared basin" },
    content: {
      "zh-CN": "公共洗手池污水外溢，周围垃圾堆积有异味。",
      en: "Sewage overflows from the shared basin and litter piles up around it; it smells.",
    },
    fixHours: 5,
  },
  {
    category: { "zh-CN": "停车", en: "Parking" },
    severity: "normal",
    location: { "zh-CN": "地下车库B区", en: "Basement car park, zone B" },
    content: {
      "zh-CN": "我买的车位B-112被邻居长期占用，多次沟通无果。",
      en: "My purchased space B-112 is occupied by a neighbour's car again; talking to them has not helped.",
    },
    fixHours: 10,
  },
  {
    category: { "zh-CN": "漏水", en: "Leak" },
    severity: "urgent",
    location: { "zh-CN": "卫生间天花板", en: "Bathroom ceiling" },
    content: {
      "zh-CN": "卫生间天花板漏水，疑似楼上管道破裂，请尽快处理！",
      en: "Water is leaking through the bathroom ceiling, probably a burst pipe upstairs. Please come quickly!",
    },
    fixHours: 3,
    pause: {
      "zh-CN": { kind: "等待材料", reason: "需更换的管件缺货，供应商明日送达" },
      en: {
        kind: "Waiting for materials",
        reason: "The pipe fitting is out of stock; the supplier delivers tomorrow",
      },
    },
  },
  {
    category: { "zh-CN": "电梯", en: "Lift" },
    severity: "urgent",
    location: { "zh-CN": "2栋1号电梯", en: "Building 2, lift 1" },
    content: {
      "zh-CN": "电梯停在两层之间，困人约十分钟，家里老人受到惊吓。",
      en: "The lift stopped between floors with people inside for ten minutes; an elderly resident was frightened.",
    },
    fixHours: 2,
  },
  {
    category: { "zh-CN": "服务态度", en: "Service attitude" },
    severity: "normal",
    location: { "zh-CN": "南门岗亭", en: "South gate" },
    content: {
      "zh-CN": "门岗保安态度生硬，<b>不让</b>快递进入还出言不逊。",
      en: "The gate guard was rude and <b>refused</b> to let the courier in.",
    },
    fixHours: 4,
  },
];

export interface ServiceKind {
  source: "repair" | "housekeeping";
  content: Record<Language, string>;
  handler: string;
  department: { zh: string; en: string };
}

const ENGINEERING = { zh: "工程维修", en: "Engineering" };
const SERVICE_DEPT = { zh: "客服", en: "Customer service" };

export const SERVICES: readonly ServiceKind[] = [
  {
    source: "repair",
    content: { "zh-CN": "更换厨房水龙头", en: "Replaced the kitchen tap" },
    handler: "repairs@greenwood-pm.example",
    department: ENGINEERING,
  },
  {
    source: "repair",
    content: { "zh-CN": "疏通卫生间下水道", en: "Cleared the bathroom drain" },
    handler: "sun.wei@greenwood-pm.example",
    department: ENGINEERING,
  },
  {
    source: "repair",
    content: { "zh-CN": "更换入户门锁芯", en: "Replaced the front-door lock cylinder" },
    handler: "repairs@greenwood-pm.example",
    department: ENGINEERING,
  },
  {
    source: "repair",
    content: { "zh-CN": "修复阳台漏水", en: "Fixed a balcony leak" },
    handler: "sun.wei@greenwood-pm.example",
    department: ENGINEERING,
  },
  {
    source: "housekeeping",
    content: { "zh-CN": "家政：入住前深度保洁", en: "Housekeeping: deep clean before move-in" },
    handler: "butler@greenwood-pm.example",
    department: SERVICE_DEPT,
  },
  {
    source: "housekeeping",
    content: { "zh-CN": "家政：空调清洗", en: "Housekeeping: air-conditioner cleaning" },
    handler: "butler@greenwood-pm.example",
    department: SERVICE_DEPT,
  },
];

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN = ["先生", "女士", "阿姨", "老师"];
const EN_NAMES = ["Mr Wang", "Ms Li", "Mr Zhang", "Mrs Liu", "Mr Chen", "Ms Yang", "Mr Zhao", "Ms Huang"];

/** A small deterministic generator, so every run of the simulation tells the same story. */
export function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

export type Random = ReturnType<typeof random>;

export function unit(r: Random): string {
  return `${r.int(1, 12)}栋${r.int(1, 3)}单元${r.int(1, 28)}0${r.int(1, 4)}`;
}

export function ownerName(r: Random, language: Language): string {
  return language === "zh-CN" ? `${r.pick(SURNAMES)}${r.pick(GIVEN)}` : r.pick(EN_NAMES);
}

export function phone(r: Random): string {
  // Some owners' numbers start with 0 or +86: they must stay exactly as typed.
  const body = `1${r.pick(["38", "39", "58", "86", "77"])}${String(r.int(10_000_000, 99_999_999))}`;
  return r.next() < 0.15 ? `+86 ${body}` : body;
}
