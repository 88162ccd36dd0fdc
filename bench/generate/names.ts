/**
 * Small name lists shipped with the bench so trigram search sees realistic text: repeated
 * common surnames, names that differ by one letter, real-looking company names and domains.
 */
export const FIRST_NAMES: readonly string[] = `
James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan
Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret
Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin
Amanda Brian Dorothy George Melissa Timothy Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey
Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda
Larry Pamela Justin Emma Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory Christine
Alexander Debra Frank Rachel Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria Jerry Heather
Tyler Diane Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry Virginia Douglas Victoria Zachary Kelly
Peter Lauren Kyle Christina Noah Joan Ethan Evelyn Jeremy Judith Walter Megan Christian Andrea Keith
Cheryl Roger Hannah Terry Jacqueline Austin Martha Sean Gloria Gerald Teresa Carl Ann Harold Sara Dylan
Madison Arthur Frances Lawrence Kathryn Jordan Janice Jesse Jean Bryan Abigail Billy Alice Bruce Judy
Gabriel Sophia Joe Grace Logan Denise Alan Amber Juan Doris Wayne Marilyn Roy Danielle Ralph Beverly
Randy Isabella Eugene Theresa Vincent Diana Russell Natalie Elijah Brittany Louis Charlotte Bobby Marie
Philip Kayla Johnny Alexis Aisha Mohammed Priya Raj Wei Mei Hiroshi Yuki Sven Ingrid Pierre Amelie
Giulia Marco Lucia Mateo Sofia Liam Ava Oliver Mia Lucas Freya Finn Niamh Siobhan Ciaran Aoife Rhys
Carys Dafydd Elin Kofi Ama Chidi Ngozi Tariq Leila Omar Yasmin Anika Lars Astrid Jan Katarzyna Piotr
`
  .split(/\s+/)
  .filter((name) => name !== '');

export const LAST_NAMES: readonly string[] = `
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis
Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall
Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins
Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly
Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes
Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan
Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander
Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina
Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy
Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon
Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose
Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver
Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart
Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado
Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence Sandoval
O'Brien O'Connor MacLeod McKenzie Fitzgerald Gallagher Doherty Byrne Quinn Walsh Kowalski Nowak Novak
Müller Schneider Fischer Weber Becker Dubois Moreau Laurent Rossi Russo Ferrari Esposito Bianchi
Tanaka Suzuki Takahashi Watanabe Yamamoto Sato Wang Zhang Liu Yang Huang Singh Kumar Sharma Gupta Khan
Okafor Mensah Adeyemi Nkosi Haddad Nasser Larsen Jensen Nielsen Andersson Johansson Lindqvist Virtanen
`
  .split(/\s+/)
  .filter((name) => name !== '');

export const COMPANY_WORDS: readonly string[] = `
Acme Apex Atlas Aurora Beacon Birch Blue Bright Cedar Cobalt Copper Crest Delta Dynamic Eagle Echo
Ember Evergreen Falcon Fern Forge Frontier Galaxy Garnet Glacier Golden Granite Harbor Hawk Highland
Horizon Indigo Iron Ivy Jade Juniper Keystone Lakeside Legacy Liberty Lighthouse Linden Lumen Maple
Meadow Meridian Metro Midland Monarch Nexus North Northwind Nova Oak Oakridge Ocean Olive Omega Orbit
Orchard Pacific Peak Pine Pinnacle Pioneer Polar Prairie Prime Quantum Quartz Radiant Raven Redwood
Ridge River Rock Sage Sapphire Sentinel Sierra Silver Skyline Solar Sparrow Spring Sterling Stone
Summit Sun Swift Terra Thistle Timber Titan Trident Union Unity Valley Vanguard Vector Velvet Vertex
Vista Willow Wolf Zenith Alder Amber Anchor Arrow Bay Brook Canyon Cardinal Clover Coastal Condor
Cypress Dune Elm Fjord Fox Grove Harvest Heron Hickory Kestrel Lantern Lark Lotus Marble Mesa Mill
`
  .split(/\s+/)
  .filter((word) => word !== '');

export const COMPANY_KINDS: readonly string[] = [
  'Logistics',
  'Systems',
  'Consulting',
  'Analytics',
  'Foods',
  'Health',
  'Energy',
  'Labs',
  'Media',
  'Partners',
  'Software',
  'Industries',
  'Retail',
  'Finance',
  'Engineering',
  'Design',
  'Robotics',
  'Security',
  'Travel',
  'Networks',
];

export const COMPANY_SUFFIXES: readonly string[] = ['Ltd', 'Inc', 'GmbH', 'LLC', 'plc', 'SA', 'BV', 'Group', 'Co'];

export const TOP_LEVEL_DOMAINS: readonly string[] = ['com', 'com', 'com', 'co.uk', 'io', 'de', 'fr', 'net', 'org'];

export const FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'hotmail.co.uk',
  'icloud.com',
  'proton.me',
  'gmx.de',
];

export const JOB_TITLES: readonly string[] = [
  'CEO',
  'CTO',
  'CFO',
  'Head of Sales',
  'Sales Manager',
  'Account Executive',
  'Procurement Manager',
  'Office Manager',
  'IT Manager',
  'Operations Director',
  'Marketing Lead',
  'Software Engineer',
  'Finance Director',
  'Buyer',
  'Founder',
  'Product Manager',
  'Customer Success Manager',
  'HR Business Partner',
  'Facilities Coordinator',
  'Consultant',
];

export const NOTE_SENTENCES: readonly string[] = [
  'Met at the spring trade fair; interested in the premium plan.',
  'Prefers e-mail over phone calls.',
  'Renewal due next quarter — check budget approval.',
  'Asked for a demo of the reporting module.',
  'Escalated a billing question in March, resolved.',
  'Decision maker for the north region.',
  'Referred by an existing client.',
  'Out of office until the end of the month.',
];
