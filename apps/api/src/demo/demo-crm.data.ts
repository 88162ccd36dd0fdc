import type { ContactEntity } from '@clientele/crm';

type Kind = ContactEntity['contactType'];

export type DemoTagName = 'VIP' | 'Newsletter' | 'Partner';

export const DEMO_TAGS: ReadonlyArray<{ name: DemoTagName; color: string; description: string }> = [
  { name: 'VIP', color: '#DC2626', description: 'Key accounts: answer first.' },
  { name: 'Newsletter', color: '#2563EB', description: 'Receives the monthly newsletter.' },
  { name: 'Partner', color: '#16A34A', description: 'Resellers and implementation partners.' },
];

export interface DemoPerson {
  readonly firstName: string;
  readonly lastName: string;
  readonly jobTitle: string;
  /** Defaults to the company's kind. */
  readonly kind?: Kind;
  readonly status: 'Prospect' | 'Active' | 'Churned';
  readonly tags?: readonly DemoTagName[];
  readonly marketingOptOut?: boolean;
  readonly notes?: string;
  /** Decimal string, with its type. */
  readonly budget?: { readonly amount: string; readonly type: 'HOURS' | 'COST' };
}

export interface DemoCompany {
  readonly name: string;
  readonly domain: string;
  readonly kind: Kind;
  readonly tags?: readonly DemoTagName[];
  readonly notes?: string;
  readonly people: readonly DemoPerson[];
}

/**
 * Twelve companies and sixty people of the demo tenant. Fixed data, no randomness: every
 * fresh database shows the same CRM. Phone numbers are in Ofcom's range reserved for drama
 * (020 7946 0000–0999), so none of them rings anyone.
 */
export const DEMO_COMPANIES: readonly DemoCompany[] = [
  {
    name: 'Acme Corp',
    domain: 'acmecorp.com',
    kind: 'CUSTOMER',
    tags: ['VIP'],
    notes: 'Premium support contract; renewal every April.',
    people: [
      { firstName: 'Jane', lastName: 'Doe', jobTitle: 'IT Manager', status: 'Active', tags: ['VIP', 'Newsletter'] },
      { firstName: 'Marcus', lastName: 'Reed', jobTitle: 'Chief Financial Officer', status: 'Active', tags: ['VIP'] },
      { firstName: 'Priya', lastName: 'Shah', jobTitle: 'Service Desk Lead', status: 'Active', tags: ['Newsletter'] },
      { firstName: 'Tom', lastName: 'Hughes', jobTitle: 'Network Engineer', status: 'Active' },
      {
        firstName: 'Laura',
        lastName: 'Bennett',
        jobTitle: 'Procurement Officer',
        status: 'Prospect',
        marketingOptOut: true,
      },
    ],
  },
  {
    name: 'Globex Corporation',
    domain: 'globexcorp.com',
    kind: 'CUSTOMER',
    people: [
      {
        firstName: 'Helen',
        lastName: 'Carter',
        jobTitle: 'Chief Executive Officer',
        status: 'Active',
        budget: { amount: '48000.00', type: 'COST' },
      },
      { firstName: 'Olivia', lastName: 'Turner', jobTitle: 'Head of Operations', status: 'Active' },
      {
        firstName: 'Daniel',
        lastName: 'Okafor',
        jobTitle: 'Systems Administrator',
        status: 'Active',
        tags: ['Newsletter'],
      },
      { firstName: 'Grace', lastName: 'Whitfield', jobTitle: 'Office Manager', status: 'Churned' },
      { firstName: 'Samuel', lastName: 'Price', jobTitle: 'Security Analyst', kind: 'CONTRACTOR', status: 'Active' },
    ],
  },
  {
    name: 'Initech',
    domain: 'initech.io',
    kind: 'CUSTOMER',
    people: [
      { firstName: 'Peter', lastName: 'Gibson', jobTitle: 'Software Engineer', status: 'Active' },
      { firstName: 'William', lastName: 'Lund', jobTitle: 'Division Vice President', status: 'Active' },
      {
        firstName: 'Joanna',
        lastName: 'Park',
        jobTitle: 'Customer Success Manager',
        status: 'Active',
        tags: ['Newsletter'],
      },
      { firstName: 'Michael', lastName: 'Boyle', jobTitle: 'Developer', status: 'Churned', marketingOptOut: true },
      { firstName: 'Samir', lastName: 'Haddad', jobTitle: 'Developer', status: 'Prospect' },
    ],
  },
  {
    name: 'Northwind Traders',
    domain: 'northwindtraders.com',
    kind: 'CUSTOMER',
    people: [
      {
        firstName: 'Nancy',
        lastName: 'Davolio',
        jobTitle: 'Sales Representative',
        status: 'Active',
        tags: ['Newsletter'],
      },
      { firstName: 'Andrew', lastName: 'Fuller', jobTitle: 'Vice President, Sales', status: 'Active' },
      { firstName: 'Janet', lastName: 'Leverling', jobTitle: 'Sales Representative', status: 'Active' },
      { firstName: 'Margaret', lastName: 'Peacock', jobTitle: 'Inside Sales Coordinator', status: 'Prospect' },
      { firstName: 'Steven', lastName: 'Buchanan', jobTitle: 'Sales Manager', status: 'Churned' },
    ],
  },
  {
    name: 'Contoso Ltd',
    domain: 'contoso.com',
    kind: 'CUSTOMER',
    tags: ['VIP'],
    notes: 'Largest account; quarterly business reviews with the CFO.',
    people: [
      {
        firstName: 'Megan',
        lastName: 'Bowen',
        jobTitle: 'Marketing Manager',
        status: 'Active',
        tags: ['VIP', 'Newsletter'],
      },
      { firstName: 'Alex', lastName: 'Wilber', jobTitle: 'Marketing Assistant', status: 'Active' },
      { firstName: 'Adele', lastName: 'Vance', jobTitle: 'Retail Manager', status: 'Active', tags: ['Newsletter'] },
      {
        firstName: 'Lee',
        lastName: 'Gu',
        jobTitle: 'Director of Engineering',
        status: 'Active',
        budget: { amount: '320.5', type: 'HOURS' },
      },
      { firstName: 'Isaiah', lastName: 'Langer', jobTitle: 'Sales Representative', status: 'Prospect' },
    ],
  },
  {
    name: 'Fabrikam Inc',
    domain: 'fabrikam.com',
    kind: 'PARTNER',
    tags: ['Partner'],
    notes: 'Implementation partner for the north of England.',
    people: [
      { firstName: 'Diego', lastName: 'Siciliani', jobTitle: 'Partner Manager', status: 'Active', tags: ['Partner'] },
      { firstName: 'Lynne', lastName: 'Robbins', jobTitle: 'Solutions Architect', status: 'Active', tags: ['Partner'] },
      {
        firstName: 'Pradeep',
        lastName: 'Gupta',
        jobTitle: 'Consultant',
        status: 'Active',
        tags: ['Partner', 'Newsletter'],
      },
      { firstName: 'Nestor', lastName: 'Wilke', jobTitle: 'Operations Director', status: 'Prospect' },
      { firstName: 'Johanna', lastName: 'Lorenz', jobTitle: 'Project Manager', kind: 'CONTRACTOR', status: 'Active' },
    ],
  },
  {
    name: 'Tailspin Toys',
    domain: 'tailspintoys.com',
    kind: 'CUSTOMER',
    people: [
      { firstName: 'Emily', lastName: 'Braun', jobTitle: 'Store Manager', status: 'Active' },
      { firstName: 'Christie', lastName: 'Cline', jobTitle: 'Buyer', status: 'Active', tags: ['Newsletter'] },
      { firstName: 'Henrietta', lastName: 'Mueller', jobTitle: 'Developer', status: 'Prospect' },
      { firstName: 'Irvin', lastName: 'Sayers', jobTitle: 'Director of Product', status: 'Churned' },
      { firstName: 'Patti', lastName: 'Fernandez', jobTitle: 'President', status: 'Active', marketingOptOut: true },
    ],
  },
  {
    name: 'Wide World Importers',
    domain: 'wideworldimporters.com',
    kind: 'CUSTOMER',
    people: [
      { firstName: 'Kayla', lastName: 'Woodcock', jobTitle: 'Logistics Manager', status: 'Active' },
      { firstName: 'Hudson', lastName: 'Onslow', jobTitle: 'Warehouse Supervisor', status: 'Active' },
      { firstName: 'Amy', lastName: 'Trefl', jobTitle: 'Accounts Payable', status: 'Active', tags: ['Newsletter'] },
      { firstName: 'Archer', lastName: 'Lamble', jobTitle: 'IT Coordinator', status: 'Prospect' },
      { firstName: 'Lily', lastName: 'Code', jobTitle: 'Purchasing Lead', status: 'Churned' },
    ],
  },
  {
    name: 'Litware Inc',
    domain: 'litware.com',
    kind: 'VENDOR',
    notes: 'Supplies our endpoint licences; account reviewed yearly.',
    people: [
      { firstName: 'Ben', lastName: 'Walters', jobTitle: 'Account Executive', status: 'Active' },
      { firstName: 'Sophie', lastName: 'Clarke', jobTitle: 'Licensing Specialist', status: 'Active' },
      { firstName: 'Ravi', lastName: 'Menon', jobTitle: 'Support Engineer', status: 'Active' },
      { firstName: 'Hannah', lastName: 'Fischer', jobTitle: 'Renewals Manager', status: 'Prospect' },
      { firstName: 'Oscar', lastName: 'Lindqvist', jobTitle: 'Channel Manager', kind: 'PARTNER', status: 'Active' },
    ],
  },
  {
    name: 'Adventure Works Cycles',
    domain: 'adventure-works.com',
    kind: 'CLIENT',
    people: [
      { firstName: 'Rob', lastName: 'Walters', jobTitle: 'Production Manager', status: 'Active' },
      { firstName: 'Gail', lastName: 'Erickson', jobTitle: 'Design Engineer', status: 'Active', tags: ['Newsletter'] },
      { firstName: 'Jossef', lastName: 'Goldberg', jobTitle: 'Design Engineer', status: 'Active' },
      { firstName: 'Terri', lastName: 'Duffy', jobTitle: 'Vice President, Engineering', status: 'Prospect' },
      { firstName: 'Roberto', lastName: 'Tamburello', jobTitle: 'Engineering Manager', status: 'Churned' },
    ],
  },
  {
    name: 'Blue Yonder Airlines',
    domain: 'blueyonderairlines.com',
    kind: 'LEAD',
    notes: 'Evaluating us against two competitors; decision expected next quarter.',
    people: [
      { firstName: 'Claire', lastName: 'Ashworth', jobTitle: 'Head of IT', status: 'Prospect' },
      { firstName: 'Mateo', lastName: 'Rossi', jobTitle: 'Flight Operations Manager', status: 'Prospect' },
      {
        firstName: 'Fiona',
        lastName: 'MacLeod',
        jobTitle: 'Procurement Manager',
        status: 'Prospect',
        tags: ['Newsletter'],
      },
      { firstName: 'Kwame', lastName: 'Mensah', jobTitle: 'Infrastructure Lead', status: 'Prospect' },
      { firstName: 'Yuki', lastName: 'Tanaka', jobTitle: 'Executive Assistant', kind: 'OTHER', status: 'Prospect' },
    ],
  },
  {
    name: 'Coho Winery',
    domain: 'cohowinery.com',
    kind: 'LEAD',
    people: [
      { firstName: 'Eleanor', lastName: 'Hart', jobTitle: 'Owner', status: 'Prospect' },
      { firstName: 'Jamie', lastName: 'Doyle', jobTitle: 'Cellar Master', status: 'Prospect' },
      {
        firstName: 'Siobhan',
        lastName: "O'Brien",
        jobTitle: 'Office Manager',
        status: 'Prospect',
        notes: 'Met at the Harrogate trade fair; prefers e-mail.',
      },
      { firstName: 'Luca', lastName: 'Bianchi', jobTitle: 'Export Manager', status: 'Churned', marketingOptOut: true },
      { firstName: 'Ada', lastName: 'Nwosu', jobTitle: 'Bookkeeper', kind: 'CONTRACTOR', status: 'Prospect' },
    ],
  },
];
