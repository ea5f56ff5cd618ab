"""Vocabulary of the simulated world: fictional companies, job functions, real cities, text and pay.

Everything here is constant data plus pure formatting helpers; the random choices are made in
``model.py`` with the RNGs it derives from the seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

# Real boards in ``/work/shared/ats-samples`` share data dirs with the sample in tests.
RESERVED_BOARDS = frozenset(
    {"vercel", "vaulttec", "palantir", "spotify", "linear", "openevidence", "huggingface", "amazing-care"}
    | {"ubisoft2", "smartrecruiters", "channable", "nvidia", "personio-demo", "bamboohr-demo", "breezy"}
)

# Fictional company names are built from a first and a second word (slug: lowercase, hyphens).
COMPANY_FIRST = (
    "Brightloom",
    "Quarry",
    "Tidewater",
    "Copperleaf",
    "Juniper",
    "Lumen",
    "Fernway",
    "Bluefinch",
    "Kestrel",
    "Mosaic",
    "Pinecrest",
    "Saltmarsh",
    "Heliograph",
    "Driftwood",
    "Ironbark",
    "Marigold",
    "Clearbrook",
    "Sparrowhawk",
    "Windrose",
    "Oakvale",
    "Larkspur",
    "Cobalt Fern",
    "Riverstone",
    "Amberlight",
)
COMPANY_SECOND = (
    ("Labs", "software"),
    ("Health", "health"),
    ("Analytics", "software"),
    ("Freight", "logistics"),
    ("Robotics", "hardware"),
    ("Finance", "fintech"),
    ("Energy", "energy"),
    ("Games", "games"),
    ("Security", "software"),
    ("Learning", "education"),
    ("Bio", "health"),
    ("Payments", "fintech"),
    ("Grocery", "retail"),
    ("Travel", "travel"),
    ("Cloud", "software"),
    ("Media", "media"),
)

INDUSTRY_PITCH = {
    "software": "builds the tools that {count} engineering teams use to ship reliable software every day",
    "health": "makes high-quality care easier to reach for {count} patients and their clinicians",
    "logistics": "moves goods for {count} merchants across North America and Europe with less waste",
    "hardware": "designs robots that take the dull, dirty and dangerous work off people's plates",
    "fintech": "gives {count} small businesses the financial tools big companies take for granted",
    "energy": "helps utilities and homeowners run a cleaner grid, one battery at a time",
    "games": "makes games that {count} players come back to every week",
    "education": "helps {count} learners pick up the skills employers actually hire for",
    "retail": "delivers fresh groceries to {count} households from local stores",
    "travel": "makes business travel simple for {count} companies and their employees",
    "media": "publishes independent journalism and podcasts read and heard by {count} people",
}
PITCH_COUNTS = ("10,000", "25,000", "50,000", "100,000", "two million", "millions of")

OUTROS = (
    "{company} is an equal opportunity employer. We celebrate diversity and are committed to creating an "
    "inclusive environment for all employees.",
    "We're committed to building a diverse team. If you're excited about this role but your experience "
    "doesn't align perfectly with every qualification, we encourage you to apply anyway.",
    "{company} provides reasonable accommodations to qualified applicants with disabilities. Please let "
    "your recruiter know if you need an accommodation at any point in the interview process.",
    "All qualified applicants will receive consideration for employment without regard to race, color, "
    "religion, sex, sexual orientation, gender identity, national origin, disability or veteran status.",
)

SECTION_DUTIES = ("What you'll do", "Responsibilities", "In this role, you will", "What You'll Do")
SECTION_REQUIREMENTS = ("What we're looking for", "Qualifications", "About you", "Who You Are")
SECTION_ABOUT = ("About the role", "The Role", "About the team", "The opportunity")
SECTION_PAY = ("Compensation", "Pay transparency", "Salary", "Compensation & benefits")


@dataclass(frozen=True)
class City:
    key: str
    name: str
    region_code: str | None
    region_name: str | None
    country: str  # ISO 3166-1 alpha-2
    country_name: str
    currency: str | None  # pay is only stated where pay transparency is common


CITIES: dict[str, City] = {
    c.key: c
    for c in (
        City("nyc", "New York", "NY", "New York", "US", "United States", "USD"),
        City("sf", "San Francisco", "CA", "California", "US", "United States", "USD"),
        City("austin", "Austin", "TX", "Texas", "US", "United States", "USD"),
        City("seattle", "Seattle", "WA", "Washington", "US", "United States", "USD"),
        City("chicago", "Chicago", "IL", "Illinois", "US", "United States", "USD"),
        City("boston", "Boston", "MA", "Massachusetts", "US", "United States", "USD"),
        City("denver", "Denver", "CO", "Colorado", "US", "United States", "USD"),
        City("atlanta", "Atlanta", "GA", "Georgia", "US", "United States", "USD"),
        City("la", "Los Angeles", "CA", "California", "US", "United States", "USD"),
        City("dc", "Washington", "DC", "District of Columbia", "US", "United States", "USD"),
        City("miami", "Miami", "FL", "Florida", "US", "United States", "USD"),
        City("raleigh", "Raleigh", "NC", "North Carolina", "US", "United States", "USD"),
        City("toronto", "Toronto", "ON", "Ontario", "CA", "Canada", "CAD"),
        City("vancouver", "Vancouver", "BC", "British Columbia", "CA", "Canada", "CAD"),
        City("montreal", "Montreal", "QC", "Quebec", "CA", "Canada", "CAD"),
        City("london", "London", "ENG", "England", "GB", "United Kingdom", "GBP"),
        City("manchester", "Manchester", "ENG", "England", "GB", "United Kingdom", "GBP"),
        City("edinburgh", "Edinburgh", "SCT", "Scotland", "GB", "United Kingdom", "GBP"),
        City("dublin", "Dublin", None, None, "IE", "Ireland", "EUR"),
        City("berlin", "Berlin", None, None, "DE", "Germany", "EUR"),
        City("amsterdam", "Amsterdam", None, None, "NL", "Netherlands", "EUR"),
        City("paris", "Paris", None, None, "FR", "France", "EUR"),
        City("madrid", "Madrid", None, None, "ES", "Spain", "EUR"),
        City("stockholm", "Stockholm", None, None, "SE", "Sweden", None),
        City("sydney", "Sydney", "NSW", "New South Wales", "AU", "Australia", None),
        City("singapore", "Singapore", None, None, "SG", "Singapore", None),
        City("bangalore", "Bengaluru", "KA", "Karnataka", "IN", "India", None),
    )
}

# Headquarters: (city key, UTC offset in minutes as shown in Greenhouse timestamps, nearby cities).
HEADQUARTERS = (
    ("nyc", -240, ("boston", "dc", "toronto", "atlanta")),
    ("sf", -420, ("la", "seattle", "denver", "vancouver")),
    ("austin", -300, ("chicago", "denver", "atlanta", "miami")),
    ("seattle", -420, ("sf", "vancouver", "denver")),
    ("chicago", -300, ("nyc", "austin", "raleigh", "toronto")),
    ("boston", -240, ("nyc", "raleigh", "montreal")),
    ("toronto", -240, ("montreal", "vancouver", "nyc")),
    ("london", 60, ("manchester", "edinburgh", "dublin", "amsterdam")),
    ("berlin", 120, ("amsterdam", "paris", "madrid", "stockholm", "london")),
    ("dublin", 60, ("london", "berlin", "nyc")),
    ("denver", -360, ("austin", "sf", "chicago")),
)
FAR_CITIES = ("london", "berlin", "singapore", "sydney", "bangalore", "nyc", "sf", "toronto")

REMOTE_COUNTRY_TEXT = {
    "US": ("Remote (United States)", "Remote - US", "Remote, USA"),
    "CA": ("Remote (Canada)", "Remote - Canada", "Remote, Canada"),
    "GB": ("Remote (United Kingdom)", "Remote - UK", "Remote, UK"),
    "DE": ("Remote (Germany)", "Remote - Germany", "Remote, Germany"),
    "IE": ("Remote (Ireland)", "Remote - Ireland", "Remote, Ireland"),
}


@dataclass(frozen=True)
class Function:
    """A job function: its department, teams, role titles, pay level and text pools."""

    key: str
    department: str
    teams: tuple[str, ...]
    roles: tuple[str, ...]
    leaders: tuple[str, ...]
    specializations: tuple[str, ...]
    base_usd: int  # mid-level annual base in USD; hourly functions use it / 2080
    hourly: bool
    paragraphs: tuple[str, ...]
    duties: tuple[str, ...]
    requirements: tuple[str, ...]


FUNCTIONS: tuple[Function, ...] = (
    Function(
        key="engineering",
        department="Engineering",
        teams=("Platform", "Payments", "Infrastructure", "Mobile", "Growth", "Developer Experience"),
        roles=(
            "Software Engineer",
            "Backend Engineer",
            "Frontend Engineer",
            "Full Stack Engineer",
            "Site Reliability Engineer",
            "Machine Learning Engineer",
            "iOS Engineer",
            "Android Engineer",
        ),
        leaders=("Engineering Manager", "Director of Engineering", "VP of Engineering"),
        specializations=("Platform", "Payments", "Infrastructure", "Core Services", "Identity", "Search"),
        base_usd=165000,
        hourly=False,
        paragraphs=(
            "You'll join the {team} team, a small group of engineers who own the services behind {company}'s "
            "core product. We ship to production many times a day and care about clean, well-tested code.",
            "Our stack is mostly Python, Go and TypeScript on top of PostgreSQL and Kafka, deployed on "
            "Kubernetes. You don't need to know all of it on day one; you do need to enjoy learning.",
            "As an engineer on {team}, you will design, build and operate systems that handle millions of "
            "requests a day, and you'll have real ownership of what you build from design doc to on-call.",
            "We're rebuilding parts of our architecture to support the next stage of growth, and this role "
            "sits right in the middle of that work.",
        ),
        duties=(
            "Design, build and maintain services and APIs used across the company",
            "Own features end to end, from technical design through rollout and monitoring",
            "Improve the reliability, latency and cost of our production systems",
            "Review code and mentor other engineers on the team",
            "Partner with product and design to scope work and make pragmatic trade-offs",
            "Participate in a fair, well-supported on-call rotation",
            "Write clear design documents and share what you learn",
        ),
        requirements=(
            "3+ years of experience building production software",
            "Fluency in at least one of Python, Go, Java or TypeScript",
            "Experience with relational databases and distributed systems",
            "A habit of writing tests and readable code",
            "Clear written and verbal communication",
            "Experience operating services in a cloud environment (AWS, GCP or Azure)",
        ),
    ),
    Function(
        key="data",
        department="Data",
        teams=("Analytics", "Data Science", "Data Platform", "Insights"),
        roles=("Data Analyst", "Data Scientist", "Analytics Engineer", "Data Engineer"),
        leaders=("Data Science Manager", "Head of Data", "Director of Analytics"),
        specializations=("Product Analytics", "Marketing", "Risk", "Experimentation", "Finance"),
        base_usd=145000,
        hourly=False,
        paragraphs=(
            "The {team} team turns {company}'s data into decisions. You'll work with product, finance and "
            "operations leaders to answer the questions that matter most to the business.",
            "We run a modern data stack (dbt, Snowflake, Airflow and Looker) and treat our models like "
            "software: versioned, reviewed and tested.",
            "You'll own metrics end to end, from the raw event data to the dashboards our executives read "
            "every Monday morning.",
        ),
        duties=(
            "Build and maintain reliable data models and pipelines",
            "Design experiments and analyze their results",
            "Define and document the company's key metrics",
            "Present findings to stakeholders in a clear, actionable way",
            "Partner with engineering to improve event tracking and data quality",
        ),
        requirements=(
            "Strong SQL and experience with Python or R",
            "2+ years of experience in an analytics or data science role",
            "Familiarity with statistics and experiment design",
            "Experience with dbt or a similar transformation tool",
            "The ability to explain technical results to non-technical audiences",
        ),
    ),
    Function(
        key="product",
        department="Product",
        teams=("Core Product", "Growth", "Platform", "Enterprise"),
        roles=("Product Manager", "Technical Product Manager", "Product Designer", "UX Researcher"),
        leaders=("Group Product Manager", "Director of Product", "Head of Design"),
        specializations=("Onboarding", "Billing", "Mobile", "Integrations", "Enterprise"),
        base_usd=160000,
        hourly=False,
        paragraphs=(
            "Product at {company} is a team sport. You'll work side by side with engineering, design and "
            "data to decide what we build next and why.",
            "You'll spend a lot of time with customers, turning what you learn into clear problem statements "
            "and crisp priorities for the {team} team.",
            "This is a high-ownership role: you'll set the roadmap for an area that directly affects how "
            "thousands of customers experience {company}.",
        ),
        duties=(
            "Own the roadmap for your product area and communicate it clearly",
            "Talk to customers every week and synthesize what you hear",
            "Write concise specs and work closely with engineering during delivery",
            "Define success metrics and track them after launch",
            "Run discovery work and usability studies",
        ),
        requirements=(
            "4+ years of experience in product management or product design",
            "A track record of shipping products customers love",
            "Comfort with data and with making decisions under uncertainty",
            "Excellent written communication",
            "Experience working with B2B or marketplace products",
        ),
    ),
    Function(
        key="sales",
        department="Sales",
        teams=("Commercial", "Enterprise", "Mid-Market", "Sales Development", "Solutions"),
        roles=(
            "Account Executive",
            "Sales Development Representative",
            "Solutions Engineer",
            "Account Manager",
        ),
        leaders=("Sales Manager", "Director of Sales", "VP of Sales"),
        specializations=("Enterprise", "Commercial", "Mid-Market", "Public Sector", "EMEA", "Majors"),
        base_usd=120000,
        hourly=False,
        paragraphs=(
            "Our {team} sales team brings {company} to new customers and helps existing ones grow with us. "
            "You'll run full sales cycles with a consultative, customer-first approach.",
            "You'll work a defined territory with strong inbound demand, supported by sales development, "
            "solutions engineering and a best-in-class enablement team.",
            "We sell to operations, finance and technology leaders, and we win by understanding their "
            "problems better than anyone else.",
        ),
        duties=(
            "Prospect, qualify and close new business in your territory",
            "Run discovery calls, demos and commercial negotiations",
            "Build accurate forecasts and keep our CRM up to date",
            "Partner with customer success to expand existing accounts",
            "Share customer feedback with product and marketing",
        ),
        requirements=(
            "2+ years of quota-carrying experience in B2B software sales",
            "A track record of meeting or exceeding targets",
            "Excellent listening, presentation and negotiation skills",
            "Experience with Salesforce or a similar CRM",
            "Willingness to travel up to 25% of the time",
        ),
    ),
    Function(
        key="marketing",
        department="Marketing",
        teams=("Brand", "Demand Generation", "Product Marketing", "Content"),
        roles=(
            "Product Marketing Manager",
            "Content Marketing Manager",
            "Growth Marketing Manager",
            "Marketing Operations Specialist",
        ),
        leaders=("Director of Marketing", "Head of Brand", "VP of Marketing"),
        specializations=("Enterprise", "Lifecycle", "Partnerships", "Events", "SEO"),
        base_usd=130000,
        hourly=False,
        paragraphs=(
            "Marketing at {company} tells the story of what we build and why it matters. You'll help "
            "shape how customers discover us and how they talk about us.",
            "You'll work across channels (email, paid, events and content) and measure what works so "
            "we can do more of it.",
            "We're a small, senior team that values clear thinking, good writing and shipping quickly.",
        ),
        duties=(
            "Plan and run campaigns from brief to results",
            "Write positioning, messaging and launch materials",
            "Own reporting for your channels and optimize based on data",
            "Collaborate with sales on pipeline goals",
            "Manage agencies and freelancers where needed",
        ),
        requirements=(
            "3+ years of experience in B2B marketing",
            "Excellent writing and editing skills",
            "Comfort with marketing automation and analytics tools",
            "Experience launching products or campaigns end to end",
        ),
    ),
    Function(
        key="customer_success",
        department="Customer Success",
        teams=("Onboarding", "Customer Success", "Support", "Implementation"),
        roles=(
            "Customer Success Manager",
            "Implementation Specialist",
            "Technical Support Engineer",
            "Customer Support Specialist",
        ),
        leaders=("Customer Success Manager, Team Lead", "Director of Customer Success", "Head of Support"),
        specializations=("Enterprise", "SMB", "EMEA", "Tier 2", "Onboarding"),
        base_usd=95000,
        hourly=False,
        paragraphs=(
            "Our customers are the reason we exist. On the {team} team, you'll be their trusted partner "
            "from the first login to renewal.",
            "You'll help customers get value from {company} quickly, solve their problems with empathy and "
            "bring what you learn back to the product team.",
            "This role is a great fit for someone who loves solving puzzles and explaining things clearly.",
        ),
        duties=(
            "Onboard new customers and guide them to their first success",
            "Answer questions by email, chat and video with care and accuracy",
            "Identify risks and expansion opportunities in your book of business",
            "Write and improve help center articles",
            "Escalate bugs to engineering with clear reproduction steps",
        ),
        requirements=(
            "2+ years in a customer-facing role, ideally at a software company",
            "Patience, empathy and excellent communication",
            "Comfort learning technical products quickly",
            "Experience with Zendesk, Intercom or a similar tool",
        ),
    ),
    Function(
        key="finance",
        department="Finance",
        teams=("Accounting", "FP&A", "Treasury", "Tax", "Payroll"),
        roles=("Financial Analyst", "Accountant", "Payroll Specialist", "Revenue Accountant", "Tax Analyst"),
        leaders=("Controller", "Director of FP&A", "Head of Finance"),
        specializations=("Revenue", "Payroll", "Close", "Strategic Finance", "Procurement"),
        base_usd=115000,
        hourly=False,
        paragraphs=(
            "The Finance team keeps {company} healthy and helps leaders make good decisions with our money.",
            "You'll own important parts of the monthly close and help us build scalable processes as we grow "
            "into new markets.",
            "We're a collaborative team that values accuracy, curiosity and a bias toward automation.",
        ),
        duties=(
            "Support the monthly and quarterly close",
            "Prepare reconciliations, journal entries and reports",
            "Build and maintain financial models and forecasts",
            "Work with auditors and external advisors",
            "Improve processes and controls as the company scales",
        ),
        requirements=(
            "Bachelor's degree in accounting, finance or a related field",
            "2+ years of relevant experience; CPA or ACCA a plus",
            "Advanced spreadsheet skills",
            "Experience with NetSuite or a similar ERP",
        ),
    ),
    Function(
        key="people",
        department="People",
        teams=("Talent Acquisition", "People Operations", "People Partners", "Learning & Development"),
        roles=(
            "Recruiter",
            "Technical Recruiter",
            "People Partner",
            "HR Generalist",
            "Recruiting Coordinator",
        ),
        leaders=("Recruiting Manager", "Head of People", "Director of Talent"),
        specializations=("Engineering", "Go-to-Market", "Executive", "EMEA", "Benefits"),
        base_usd=105000,
        hourly=False,
        paragraphs=(
            "Our People team builds the company that builds the product. You'll help us hire great people "
            "and make {company} a place they want to stay.",
            "You'll partner closely with hiring managers and leaders, and you'll bring data and empathy to "
            "every conversation.",
            "We're growing quickly and intentionally, and we'd love your help doing it well.",
        ),
        duties=(
            "Run full-cycle recruiting for roles across the company",
            "Advise managers on hiring plans, interviews and offers",
            "Create a great, consistent experience for every candidate",
            "Support employee relations, performance and engagement programs",
            "Keep our people data accurate and our processes compliant",
        ),
        requirements=(
            "2+ years of experience in recruiting or HR",
            "Strong judgment and discretion with confidential information",
            "Experience with an applicant tracking system",
            "Excellent organization and communication",
        ),
    ),
    Function(
        key="operations",
        department="Operations",
        teams=("Business Operations", "Workplace", "Strategy", "Executive Office"),
        roles=(
            "Operations Manager",
            "Business Operations Analyst",
            "Executive Assistant",
            "Office Coordinator",
            "Strategy & Operations Associate",
        ),
        leaders=("Director of Operations", "Chief of Staff", "Head of Business Operations"),
        specializations=("Go-to-Market", "Workplace", "Executive Office", "Strategy"),
        base_usd=100000,
        hourly=False,
        paragraphs=(
            "The {team} team makes sure {company} runs smoothly. You'll tackle a wide range of problems, "
            "from planning and reporting to making our offices work well for everyone.",
            "This role suits someone who is organized, resourceful and calm when priorities shift.",
            "You'll work with leaders across the company and see how every part of the business fits.",
        ),
        duties=(
            "Run planning, reporting and business review processes",
            "Manage complex calendars, travel and expenses",
            "Coordinate events, offsites and office logistics",
            "Lead cross-functional projects from kickoff to completion",
        ),
        requirements=(
            "3+ years of experience in operations, consulting or a similar role",
            "Exceptional organization and attention to detail",
            "Strong spreadsheet and presentation skills",
            "Discretion with sensitive information",
        ),
    ),
    Function(
        key="security",
        department="Security",
        teams=("Security Engineering", "Governance, Risk & Compliance", "Detection & Response"),
        roles=("Security Engineer", "Application Security Engineer", "Security Analyst", "GRC Analyst"),
        leaders=("Security Engineering Manager", "Head of Security", "CISO"),
        specializations=("Cloud", "Detection & Response", "Product Security", "Compliance"),
        base_usd=170000,
        hourly=False,
        paragraphs=(
            "Security at {company} protects our customers' data and our own. You'll help us stay ahead of "
            "threats while keeping engineers productive.",
            "You'll build guardrails rather than gates: secure defaults, good tooling and clear guidance.",
            "We maintain SOC 2 Type II and ISO 27001, and we're just getting started.",
        ),
        duties=(
            "Design and build security controls for our cloud infrastructure",
            "Respond to and learn from security incidents",
            "Review designs and code for security issues",
            "Run our vulnerability management program",
            "Support audits and customer security reviews",
        ),
        requirements=(
            "3+ years of experience in security engineering or a related field",
            "Hands-on experience with AWS or GCP security",
            "Scripting experience in Python or Go",
            "Familiarity with SOC 2, ISO 27001 or similar frameworks",
        ),
    ),
    Function(
        key="warehouse",
        department="Fulfillment",
        teams=("Warehouse", "Last Mile", "Inventory", "Fleet"),
        roles=("Warehouse Associate", "Delivery Driver", "Inventory Specialist", "Forklift Operator"),
        leaders=("Warehouse Supervisor", "Fulfillment Center Manager", "Regional Operations Manager"),
        specializations=("Night Shift", "Weekend Shift", "Day Shift", "Seasonal"),
        base_usd=44000,
        hourly=True,
        paragraphs=(
            "Our fulfillment teams are the heart of {company}. You'll make sure every order leaves our "
            "building accurate, on time and in great shape.",
            "Shifts are scheduled two weeks in advance, and we offer overtime during busy seasons.",
            "No experience? No problem. We provide paid training and clear paths to team lead roles.",
        ),
        duties=(
            "Pick, pack and ship orders accurately",
            "Receive and put away incoming inventory",
            "Keep the work area clean, organized and safe",
            "Operate scanners and, once certified, forklifts and pallet jacks",
        ),
        requirements=(
            "Ability to lift up to 50 lbs and stand for long periods",
            "Reliable attendance and punctuality",
            "Must be 18 years or older",
            "A valid driver's license for driving roles",
        ),
    ),
    Function(
        key="clinical",
        department="Clinical Operations",
        teams=("Care Delivery", "Clinical Quality", "Care Coordination"),
        roles=("Registered Nurse", "Clinical Coding Specialist", "Care Coordinator", "Medical Assistant"),
        leaders=("Nurse Manager", "Director of Clinical Operations", "Medical Director"),
        specializations=("Telehealth", "Primary Care", "Behavioral Health", "Per Diem"),
        base_usd=82000,
        hourly=True,
        paragraphs=(
            "Our clinical team delivers the care our members count on. You'll work with physicians and care "
            "coordinators to make every visit count.",
            "We use modern tools so you can spend more time with patients and less time on paperwork.",
            "You'll be part of a supportive team that takes quality and patient safety seriously.",
        ),
        duties=(
            "Provide high-quality care in person and by video",
            "Document visits accurately and on time",
            "Coordinate follow-up care with the wider care team",
            "Contribute to quality improvement initiatives",
        ),
        requirements=(
            "Active, unrestricted license in the state of practice",
            "2+ years of clinical experience",
            "BLS certification",
            "Comfort with electronic health records",
        ),
    ),
)
FUNCTIONS_BY_KEY = {f.key: f for f in FUNCTIONS}
# Relative frequency of functions on a typical tech-ish board; hourly functions only on some industries.
FUNCTION_WEIGHTS = {
    "engineering": 26,
    "data": 7,
    "product": 7,
    "sales": 14,
    "marketing": 6,
    "customer_success": 9,
    "finance": 5,
    "people": 5,
    "operations": 6,
    "security": 4,
    "warehouse": 0,
    "clinical": 0,
}
INDUSTRY_EXTRA_WEIGHTS = {
    "logistics": {"warehouse": 18},
    "retail": {"warehouse": 16},
    "health": {"clinical": 16},
}

GENERIC_PARAGRAPHS = (
    "We offer competitive pay, equity, comprehensive health benefits, and a generous parental leave policy.",
    "We believe great work happens when people have the focus and flexibility to do it. Most teams "
    "meet in person a few days a month.",
    "You'll have a learning budget, a home-office stipend and the chance to grow with a company that's "
    "still early in its journey.",
    "Our interview process is designed to be respectful of your time: a recruiter call, a skills "
    "conversation, and a final round with the team.",
    "We're backed by leading investors and growing revenue quickly, with a clear path to profitability.",
    "Benefits include medical, dental and vision coverage, a 401(k) match, and 20 days of paid time off.",
)

# Seniority levels for individual contributor roles: (key, title prefix forms, pay multiplier).
SENIORITIES = (
    ("intern", 0.45),
    ("junior", 0.75),
    ("mid", 1.0),
    ("senior", 1.25),
    ("staff", 1.5),
    ("principal", 1.75),
    ("lead", 1.35),
)
SENIORITY_WEIGHTS = (3, 10, 30, 28, 8, 3, 5)
LEADER_MULTIPLIER = 1.6
HOURLY_SENIORITIES = ("junior", "mid", "senior", "lead")

# Employment types as Greenhouse "Employment Type" metadata and as Lever `categories.commitment`.
EMPLOYMENT_GREENHOUSE = {
    "full_time": "Full-time",
    "part_time": "Part-time",
    "contract": "Contract",
    "intern": "Intern",
    "temporary": "Temporary",
}
EMPLOYMENT_LEVER = {
    "full_time": ("Full-time", "Permanent", "Full Time"),
    "part_time": ("Part-time", "Part-time", "Part Time"),
    "contract": ("Contract", "Contract", "Contractor"),
    "intern": ("Intern", "Internship", "Intern"),
    "temporary": ("Short Term", "Fixed Term", "Temporary"),
}
WORKPLACE_GREENHOUSE = {"onsite": "On-site", "hybrid": "Hybrid", "remote": "Remote"}
WORKPLACE_LEVER = {"onsite": "on-site", "hybrid": "hybrid", "remote": "remote"}

# Rough conversion of a USD pay level into the local currency's usual numbers.
CURRENCY_FACTOR = {"USD": 1.0, "CAD": 1.2, "GBP": 0.62, "EUR": 0.72}
CURRENCY_SYMBOL = {"USD": "$", "CAD": "CA$", "GBP": "£", "EUR": "€"}

PAY_SENTENCES = (
    "The base salary range for this role is {pay}.",
    "The expected pay range for this position is {pay}, plus equity and benefits.",
    "Salary range: {pay}",
    "Pay: {pay}. Final compensation depends on location, experience and skills.",
)
HOURLY_SENTENCES = (
    "The hourly rate for this position is {pay}.",
    "Pay: {pay}, with overtime paid at time and a half.",
    "Starting pay: {pay}",
)


def fill(template: str, company: str, team: str) -> str:
    """Put the company and team into a paragraph template (``Lumen Games'`` rather than ``Games's``)."""
    text = template.format(company=company, team=team)
    return text.replace(f"{company}'s", f"{company}'" if company.endswith("s") else f"{company}'s")


def title_for(
    role: str, seniority: str, level_style: int, specialization: str | None, spec_style: int
) -> str:
    """Compose a realistic title: ``Senior Software Engineer, Payments``, ``Data Analyst II``, ..."""
    if seniority == "intern":
        base = f"{role} Intern" if level_style % 2 == 0 else f"{role} Intern (Summer 2026)"
    elif seniority == "junior":
        base = ("Junior ", "Associate ", "")[level_style % 3] + role + ("", "", " I")[level_style % 3]
    elif seniority == "mid":
        base = role if level_style % 2 == 0 else f"{role} II"
    elif seniority == "senior":
        base = ("Senior ", "Sr. ", "")[level_style % 3] + role + ("", "", " III")[level_style % 3]
    elif seniority == "staff":
        base = f"Staff {role}"
    elif seniority == "principal":
        base = f"Principal {role}"
    elif seniority == "lead":
        base = f"Lead {role}" if level_style % 2 == 0 else f"{role} Lead"
    else:  # a leadership title is used as is
        base = role
    if specialization is None:
        return base
    return base + (f", {specialization}", f" - {specialization}", f" ({specialization})")[spec_style % 3]


def money(amount: float, hourly: bool) -> str:
    """``120000`` -> ``120,000``; hourly amounts keep cents: ``34.62``."""
    if hourly:
        return f"{amount:,.2f}"
    return f"{round(amount):,}"


class PayWording(NamedTuple):
    """Pay as a posting words it: the text, the amounts it shows, and the period it names (None when
    it names none: ``$120,000 - $150,000``)."""

    text: str
    low: float
    high: float
    period: str | None


def pay_wording(low: float, high: float, currency: str, period: str, style: int) -> PayWording:
    """Pay as postings write it: ``$120,000 - $150,000``, ``$75k - $105k``, ``£45,000 to £55,000``..."""
    sym = CURRENCY_SYMBOL[currency]
    hourly = period == "hour"
    lo, hi = money(low, hourly), money(high, hourly)
    if hourly:
        if low == high:
            return PayWording(f"{sym}{lo}/hour", low, high, "hour")
        forms = (
            f"{sym}{lo} - {sym}{hi}/hour",
            f"{sym}{lo} to {sym}{hi} per hour",
            f"{currency} {lo} - {hi} per hour",
        )
        return PayWording(forms[style % 3], low, high, "hour")
    if period == "month":
        forms = (
            f"{sym}{lo} - {sym}{hi} per month",
            f"{currency} {lo} - {hi} per month",
            f"{sym}{lo} to {sym}{hi} monthly",
        )
        return PayWording(forms[style % 3], low, high, "month")
    # yearly pay: (text, whether the text says it is yearly)
    if currency == "GBP":
        yearly = (
            (f"£{lo} to £{hi}", False),
            (f"£{lo} - £{hi} per annum", True),
            (f"GBP {lo} - {hi} per year", True),
        )
    elif currency == "EUR":
        yearly = (
            (f"€{lo} - €{hi}", False),
            (f"EUR {lo} - {hi} per year", True),
            (f"€{lo} to €{hi} annually", True),
        )
    elif currency == "CAD":
        yearly = (
            (f"CA${lo} - CA${hi}", False),
            (f"CAD {lo} - {hi} per year", True),
            (f"${lo} - ${hi} CAD", False),
        )
    else:
        k_lo, k_hi = round(low / 1000), round(high / 1000)
        if style % 4 == 1:
            return PayWording(f"${k_lo}k - ${k_hi}k", k_lo * 1000.0, k_hi * 1000.0, None)
        yearly = (
            (f"${lo} - ${hi}", False),
            (f"USD {lo} - {hi} per year", True),
            (f"${lo} to ${hi} USD", False),
        )
        yearly = (yearly[0], yearly[0], *yearly[1:])  # style 1 is the '$75k' form above
    text, named = yearly[style % len(yearly)]
    return PayWording(text, low, high, "year" if named else None)


def pay_text(low: float, high: float, currency: str, period: str, style: int) -> str:
    """Pay as postings write it (``pay_wording``'s text)."""
    return pay_wording(low, high, currency, period, style).text
