/** What residents can report, and where each kind of request goes by default. */
export const TICKET_TYPES = ['repair', 'complaint', 'consultation'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const TICKET_TYPE_LABELS: Record<TicketType, string> = { repair: '报修', complaint: '投诉', consultation: '咨询' };

export const DEPARTMENTS = ['desk', 'engineering', 'security'] as const;
export type Department = (typeof DEPARTMENTS)[number];
export const DEPARTMENT_LABELS: Record<Department, string> = { desk: '客服', engineering: '工程', security: '秩序' };
/** The staff role that makes someone a member of a department. */
export const DEPARTMENT_ROLE = { desk: 'desk', engineering: 'engineer', security: 'security' } as const;

export interface Category {
  code: string;
  label: string;
  type: TicketType;
  department: Department;
  /** Emergencies skip optional fields, run on a 24×7 clock and alert the supervisor at once. */
  emergency?: boolean;
  /** Work inside a home needs the resident's consent and a time window. */
  inHome?: boolean;
}

export const CATEGORIES: Category[] = [
  { code: 'elevator_trapped', label: '电梯困人', type: 'repair', department: 'engineering', emergency: true },
  { code: 'outage', label: '突发停水停电', type: 'repair', department: 'engineering', emergency: true },
  { code: 'severe_leak', label: '严重漏水', type: 'repair', department: 'engineering', emergency: true, inHome: true },
  { code: 'gas_smell', label: '燃气异味', type: 'repair', department: 'engineering', emergency: true },
  { code: 'plumbing_electric', label: '水电', type: 'repair', department: 'engineering', inHome: true },
  { code: 'doors_windows', label: '门窗', type: 'repair', department: 'engineering', inHome: true },
  { code: 'wall_leak', label: '墙面渗漏', type: 'repair', department: 'engineering', inHome: true },
  { code: 'elevator', label: '电梯', type: 'repair', department: 'engineering' },
  { code: 'public_lighting', label: '公共照明', type: 'repair', department: 'engineering' },
  { code: 'access_control', label: '门禁', type: 'repair', department: 'security' },
  { code: 'repair_other', label: '其他维修', type: 'repair', department: 'engineering' },
  { code: 'noise', label: '噪音', type: 'complaint', department: 'security' },
  { code: 'sanitation', label: '环境卫生', type: 'complaint', department: 'desk' },
  { code: 'parking', label: '停车', type: 'complaint', department: 'security' },
  { code: 'service_attitude', label: '服务态度', type: 'complaint', department: 'desk' },
  { code: 'complaint_other', label: '其他投诉', type: 'complaint', department: 'desk' },
  { code: 'fees', label: '物业费', type: 'consultation', department: 'desk' },
  { code: 'renovation', label: '装修', type: 'consultation', department: 'desk' },
  { code: 'consultation_other', label: '其他咨询', type: 'consultation', department: 'desk' },
];

export const CATEGORY_BY_CODE = new Map(CATEGORIES.map((c) => [c.code, c]));
export const categoriesOf = (type: TicketType) => CATEGORIES.filter((c) => c.type === type);
export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [string, ...string[]];
