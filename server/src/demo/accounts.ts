/**
 * ~50 realistic Salesforce Accounts for the demo, written the way real orgs hold them:
 * countries in English, German or as codes, multi-line streets, and a few with problems
 * a sales rep must fix (an invalid e-mail, an unknown country, a missing name).
 */

interface Company {
  name: string;
  street: string;
  zip: string;
  city: string;
  country: string | null;
  phone: string;
  email: string;
  website: string | null;
  industry: string;
}

const COMPANIES: Company[] = [
  { name: 'Müller Maschinenbau GmbH', street: 'Industriestraße 12\nHalle 3', zip: '70565', city: 'Stuttgart', country: 'Deutschland', phone: '+49 711 123450', email: 'rechnung@mueller-maschinenbau.de', website: 'https://www.mueller-maschinenbau.de', industry: 'Manufacturing' },
  { name: 'Schneider & Söhne KG', street: 'Am Hafen 4', zip: '20457', city: 'Hamburg', country: 'Germany', phone: '+49 40 987650', email: 'buchhaltung@schneider-soehne.de', website: 'www.schneider-soehne.de', industry: 'Logistics' },
  { name: 'Bäckerei Fischer', street: 'Marktplatz 1', zip: '93047', city: 'Regensburg', country: 'DE', phone: '+49 941 55501', email: 'info@baeckerei-fischer.de', website: null, industry: 'Food & Beverage' },
  { name: 'Weber Elektrotechnik AG', street: 'Siemensallee 88', zip: '76187', city: 'Karlsruhe', country: 'deutschland', phone: '+49 721 400100', email: 'finance@weber-elektro.de', website: 'https://weber-elektro.de/', industry: 'Electronics' },
  { name: 'Hoffmann Consulting', street: 'Königsallee 27\n5. Etage\nBüro 512', zip: '40212', city: 'Düsseldorf', country: 'Germany', phone: '+49 211 7300', email: 'office@hoffmann-consulting.de', website: 'http://hoffmann-consulting.de', industry: 'Consulting' },
  { name: 'Becker Medizintechnik GmbH', street: 'Forschungsweg 5', zip: '91052', city: 'Erlangen', country: 'Bundesrepublik Deutschland', phone: '+49 9131 8800', email: 'ap@becker-medtech.de', website: 'www.becker-medtech.de', industry: 'Healthcare' },
  { name: 'Wagner Bau GmbH & Co. KG', street: 'Baustraße 19', zip: '04109', city: 'Leipzig', country: 'DEU', phone: '+49 341 220033', email: 'rechnungen@wagner-bau.de', website: null, industry: 'Construction' },
  { name: 'Schulz Software Solutions', street: 'Torstraße 140', zip: '10119', city: 'Berlin', country: 'Germany', phone: '+49 30 5558800', email: 'billing@schulz-software.io', website: 'https://schulz-software.io', industry: 'Technology' },
  { name: 'Alpenblick Hotel Betriebs GmbH', street: 'Seestraße 2', zip: '6020', city: 'Innsbruck', country: 'Österreich', phone: '+43 512 34560', email: 'buchhaltung@alpenblick.at', website: 'www.alpenblick.at', industry: 'Hospitality' },
  { name: 'Wiener Feinkost Huber', street: 'Naschmarkt 7', zip: '1060', city: 'Wien', country: 'Austria', phone: '+43 1 5861234', email: 'office@feinkost-huber.at', website: 'https://feinkost-huber.at', industry: 'Retail' },
  { name: 'Gruber Holztechnik', street: 'Waldweg 11', zip: '5020', city: 'Salzburg', country: 'AT', phone: '+43 662 887766', email: 'info@gruber-holz.at', website: null, industry: 'Manufacturing' },
  { name: 'Zürcher Präzisionsmechanik AG', street: 'Bahnhofstrasse 45', zip: '8001', city: 'Zürich', country: 'Schweiz', phone: '+41 44 2110000', email: 'kreditoren@zpm.ch', website: 'www.zpm.ch', industry: 'Manufacturing' },
  { name: 'Genève Horlogerie SA', street: 'Rue du Rhône 62', zip: '1204', city: 'Genève', country: 'Switzerland', phone: '+41 22 3101010', email: 'comptabilite@geneve-horlogerie.ch', website: 'https://geneve-horlogerie.ch', industry: 'Luxury Goods' },
  { name: 'Basler Pharma Logistik', street: 'Hafenstrasse 25', zip: '4057', city: 'Basel', country: 'CH', phone: '+41 61 6906000', email: 'ap@basler-pharmalog.ch', website: null, industry: 'Logistics' },
  { name: 'Acme Corporation', street: '1200 Market Street\nSuite 400', zip: '94103', city: 'San Francisco', country: 'United States', phone: '+1 415 5550100', email: 'ap@acme.example.com', website: 'https://www.acme.example.com', industry: 'Technology' },
  { name: 'Globex Inc.', street: '350 Fifth Avenue', zip: '10118', city: 'New York', country: 'USA', phone: '+1 212 5550199', email: 'invoices@globex.example.com', website: 'globex.example.com', industry: 'Finance' },
  { name: 'Initech LLC', street: '4120 Freidrich Lane', zip: '78744', city: 'Austin', country: 'U.S.A.', phone: '+1 512 5550142', email: 'billing@initech.example.com', website: null, industry: 'Technology' },
  { name: 'Umbrella Health Partners', street: '77 Massachusetts Ave', zip: '02139', city: 'Cambridge', country: 'Vereinigte Staaten', phone: '+1 617 5550123', email: 'payables@umbrella-health.example.com', website: 'https://umbrella-health.example.com', industry: 'Healthcare' },
  { name: 'Thames Valley Engineering Ltd', street: '12 Riverside Way', zip: 'RG1 8BD', city: 'Reading', country: 'United Kingdom', phone: '+44 118 4960000', email: 'accounts@tve.example.co.uk', website: 'www.tve.example.co.uk', industry: 'Engineering' },
  { name: 'Highland Distillers plc', street: '3 Castle Street', zip: 'EH2 3AH', city: 'Edinburgh', country: 'UK', phone: '+44 131 4960123', email: 'finance@highland-distillers.example.co.uk', website: null, industry: 'Food & Beverage' },
  { name: 'London Design Studio', street: '90 Shoreditch High St', zip: 'E1 6JJ', city: 'London', country: 'Großbritannien', phone: '+44 20 79460000', email: 'hello@ldstudio.example.co.uk', website: 'https://ldstudio.example.co.uk', industry: 'Media' },
  { name: 'Société Générale de Transport', street: '15 Rue de Rivoli', zip: '75004', city: 'Paris', country: 'France', phone: '+33 1 44556677', email: 'factures@sgt.example.fr', website: 'www.sgt.example.fr', industry: 'Logistics' },
  { name: 'Boulangerie Dupont', street: '8 Place Bellecour', zip: '69002', city: 'Lyon', country: 'Frankreich', phone: '+33 4 78000000', email: 'contact@boulangerie-dupont.example.fr', website: null, industry: 'Food & Beverage' },
  { name: 'Rossi Arredamenti S.r.l.', street: 'Via Roma 22', zip: '20121', city: 'Milano', country: 'Italien', phone: '+39 02 1234567', email: 'amministrazione@rossi-arredamenti.example.it', website: 'https://rossi-arredamenti.example.it', industry: 'Retail' },
  { name: 'Bianchi Meccanica SpA', street: 'Corso Vittorio Emanuele 101', zip: '10121', city: 'Torino', country: 'Italy', phone: '+39 011 7654321', email: 'fatture@bianchi-meccanica.example.it', website: null, industry: 'Manufacturing' },
  { name: 'García Logística S.L.', street: 'Calle de Alcalá 50', zip: '28014', city: 'Madrid', country: 'Spanien', phone: '+34 91 5550000', email: 'facturas@garcia-logistica.example.es', website: 'www.garcia-logistica.example.es', industry: 'Logistics' },
  { name: 'Van der Berg Bloemen B.V.', street: 'Bloemenmarkt 3', zip: '1012 AA', city: 'Amsterdam', country: 'Niederlande', phone: '+31 20 5550000', email: 'administratie@vdberg-bloemen.example.nl', website: 'https://vdberg-bloemen.example.nl', industry: 'Retail' },
  { name: 'Rotterdam Port Services', street: 'Wilhelminakade 909', zip: '3072 AP', city: 'Rotterdam', country: 'Netherlands', phone: '+31 10 5551234', email: 'finance@rps.example.nl', website: null, industry: 'Logistics' },
  { name: 'Kowalski Transport Sp. z o.o.', street: 'ul. Marszałkowska 10', zip: '00-590', city: 'Warszawa', country: 'Polen', phone: '+48 22 5550000', email: 'faktury@kowalski-transport.example.pl', website: 'www.kowalski-transport.example.pl', industry: 'Logistics' },
  { name: 'Novák Sklárna s.r.o.', street: 'Náměstí Míru 5', zip: '120 00', city: 'Praha', country: 'Tschechien', phone: '+420 222 555000', email: 'ucetni@novak-sklarna.example.cz', website: null, industry: 'Manufacturing' },
  { name: 'Nordisk Design ApS', street: 'Strøget 18', zip: '1160', city: 'København', country: 'Dänemark', phone: '+45 33 555000', email: 'faktura@nordisk-design.example.dk', website: 'https://nordisk-design.example.dk', industry: 'Media' },
  { name: 'Svensson Trä AB', street: 'Drottninggatan 55', zip: '111 21', city: 'Stockholm', country: 'Sweden', phone: '+46 8 5550000', email: 'ekonomi@svensson-tra.example.se', website: null, industry: 'Manufacturing' },
  { name: 'Shanghai Precision Parts Co., Ltd.', street: '1000 Lujiazui Ring Road\nPudong', zip: '200120', city: 'Shanghai', country: 'China', phone: '+86 21 55550000', email: 'finance@sh-precision.example.cn', website: 'www.sh-precision.example.cn', industry: 'Manufacturing' },
  { name: 'Shenzhen Electronics Trading', street: '88 Shennan Avenue', zip: '518000', city: 'Shenzhen', country: 'Volksrepublik China', phone: '+86 755 5550000', email: 'ap@sz-electronics.example.cn', website: null, industry: 'Electronics' },
  { name: 'Tokyo Robotics K.K.', street: '1-1 Marunouchi\nChiyoda-ku', zip: '100-0005', city: 'Tokyo', country: 'Japan', phone: '+81 3 55550000', email: 'keiri@tokyo-robotics.example.jp', website: 'https://tokyo-robotics.example.jp', industry: 'Technology' },
  { name: 'Maple Leaf Outfitters', street: '200 Bay Street', zip: 'M5J 2J1', city: 'Toronto', country: 'Kanada', phone: '+1 416 5550100', email: 'ap@mapleleaf-outfitters.example.ca', website: 'mapleleaf-outfitters.example.ca', industry: 'Retail' },
  { name: 'Sydney Harbour Tours Pty Ltd', street: '1 Macquarie Street', zip: '2000', city: 'Sydney', country: 'Australia', phone: '+61 2 55550000', email: 'accounts@harbourtours.example.com.au', website: null, industry: 'Hospitality' },
  { name: 'São Paulo Café Exportação', street: 'Avenida Paulista 1000', zip: '01310-100', city: 'São Paulo', country: 'Brasilien', phone: '+55 11 55550000', email: 'financeiro@spcafe.example.com.br', website: 'www.spcafe.example.com.br', industry: 'Food & Beverage' },
  { name: 'Bangalore Code Works Pvt Ltd', street: '42 MG Road', zip: '560001', city: 'Bengaluru', country: 'India', phone: '+91 80 55550000', email: 'billing@bcw.example.in', website: 'https://bcw.example.in', industry: 'Technology' },
  { name: 'Istanbul Tekstil A.Ş.', street: 'İstiklal Caddesi 120', zip: '34430', city: 'İstanbul', country: 'Türkei', phone: '+90 212 5550000', email: 'muhasebe@ist-tekstil.example.com.tr', website: null, industry: 'Textiles' },
  { name: 'Keller Gartenbau', street: 'Gartenweg 3', zip: '79098', city: 'Freiburg', country: null, phone: '+49 761 33221', email: 'keller@gartenbau-keller.de', website: null, industry: 'Agriculture' },
  { name: 'Richter Druckerei', street: 'Papierstraße 9', zip: '01067', city: 'Dresden', country: null, phone: '+49 351 440011', email: 'auftrag@richter-druck.de', website: 'www.richter-druck.de', industry: 'Media' },
  { name: 'Neumann Immobilien', street: 'Maximilianstraße 30', zip: '80539', city: 'München', country: 'Deutschland', phone: '+49 89 2100300', email: 'verwaltung@neumann-immobilien.de', website: 'https://neumann-immobilien.de', industry: 'Real Estate' },
  { name: 'Schwarz Autohaus GmbH', street: 'Autobahnzubringer 1', zip: '50829', city: 'Köln', country: 'Deutschland', phone: '+49 221 500600', email: 'service@autohaus-schwarz.de', website: 'www.autohaus-schwarz.de', industry: 'Automotive' },
  { name: 'Zimmermann Solar', street: 'Sonnenallee 100', zip: '12045', city: 'Berlin', country: 'Germany', phone: '+49 30 6120000', email: 'rechnung@zimmermann-solar.de', website: 'https://zimmermann-solar.de', industry: 'Energy' },
  // Problems a sales rep must fix:
  { name: 'Krüger Handelsgesellschaft', street: 'Hauptstraße 50', zip: '30159', city: 'Hannover', country: 'Deutschland', phone: '+49 511 123123', email: 'rechnung(at)krueger-handel.de', website: null, industry: 'Retail' },
  { name: 'Atlantis Deep Sea Ventures', street: '1 Ocean Floor', zip: '00000', city: 'Poseidonis', country: 'Atlantis', phone: '+00 000 0000', email: 'ceo@atlantis.example', website: null, industry: 'Other' },
  { name: '   ', street: 'Unbekannte Straße 1', zip: '99084', city: 'Erfurt', country: 'Deutschland', phone: '+49 361 000000', email: 'info@unbekannt.de', website: null, industry: 'Other' },
  { name: 'Lange Adresse Logistik GmbH', street: `Gewerbegebiet Nord, ${'Lagerhalle A, Tor 7, Rampe 3, '.repeat(10)}Eingang über den Hof`, zip: '39104', city: 'Magdeburg', country: 'Deutschland', phone: '+49 391 555000', email: 'dispo@lange-adresse.de', website: null, industry: 'Logistics' },
  { name: 'Fehlerfrei Steuerberatung', street: 'Kanzleiweg 2', zip: '55116', city: 'Mainz', country: 'Deutschland', phone: '+49 6131 22222', email: 'kanzlei@fehlerfrei-stb.de', website: 'https://fehlerfrei-stb.de', industry: 'Consulting' },
];

export interface DemoAccount extends Record<string, unknown> {
  Id: string;
}

/** Account ids as Salesforce would give them: 001 + 12 characters. */
export function demoAccountId(index: number): string {
  return `001DEMO${String(index + 1).padStart(8, '0')}`;
}

export function demoAccounts(): DemoAccount[] {
  return COMPANIES.map((c, index) => ({
    Id: demoAccountId(index),
    Name: c.name,
    BillingStreet: c.street,
    BillingPostalCode: c.zip,
    BillingCity: c.city,
    BillingCountry: c.country,
    Phone: c.phone,
    Billing_Email__c: c.email,
    Website: c.website,
    Industry: c.industry,
  }));
}

/** The sample Account mapping: a default, a fixed value and the country transform. */
export const DEMO_ACCOUNT_MAPPING = {
  name: { source: 'Name' },
  street: { source: 'BillingStreet', transform: 'street' },
  zip: { source: 'BillingPostalCode' },
  city: { source: 'BillingCity' },
  country_code: { source: 'BillingCountry', transform: 'country', default: 'DE' },
  phone: { source: 'Phone' },
  email: { source: 'Billing_Email__c' },
  www: { source: 'Website', transform: 'website' },
  note: { source: 'Industry', default: 'Imported from Salesforce' },
  net_gross: { fixed: 'NET' },
  due_days_type: { fixed: 'ABSOLUTE' },
  due_days: { fixed: '14' },
};
