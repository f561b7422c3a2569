"""Demo content for the Progressive Governance Academy.

Pure data, no Django imports: organisations, strategy taxonomy (pillars and policy areas),
courses with their modules and StreamField bodies, demo people and the home/catalog page copy.
Loaded by ``academy.demo`` and ``courses.demo`` (``manage.py seed_demo``). Case studies describe
real places only for widely documented policies, in general terms; the rest are composites.
Module bodies are lists of ``(block_type, value)`` pairs matching ``courses.blocks``.
"""

# The academy itself plus three fictional partner organisations.
ORGANIZATIONS = [
    {
        "name": "Progressive Governance Academy",
        "slug": "governance-academy",
        "website": "https://academy.example.org",
        "description": (
            "The Progressive Governance Academy is the training home for a national network of "
            "local elected officials. Its courses help council members, commissioners, school "
            "board members and other local leaders govern as organizers: sharing power with the "
            "residents most affected by public decisions, learning from peers in other places and "
            "turning ambitious ideas into policies that last."
        ),
        "is_academy": True,
    },
    {
        "name": "Commonground Organizing Institute",
        "slug": "commonground-institute",
        "website": "https://commonground.example.org",
        "description": (
            "A national training organization that teaches relational organizing, power analysis "
            "and coalition building. Commonground's trainers have worked with tenant associations, "
            "congregations and union locals for two decades and now adapt that practice for people "
            "holding public office."
        ),
        "is_academy": False,
    },
    {
        "name": "Civic Futures Policy Lab",
        "slug": "civic-futures-lab",
        "website": "https://civicfutures.example.org",
        "description": (
            "A nonprofit team of attorneys and policy researchers who draft model local "
            "legislation, track state preemption and help jurisdictions through implementation. "
            "Civic Futures supplies the legal and technical depth behind the academy's policy "
            "courses."
        ),
        "is_academy": False,
    },
    {
        "name": "Rootline Community Alliance",
        "slug": "rootline-alliance",
        "website": "https://rootline.example.org",
        "description": (
            "A federation of tenant unions, worker centers and faith-based organizing groups in "
            "more than twenty states. Rootline partners with elected officials on housing and "
            "worker justice campaigns and brings the perspective of organized residents into the "
            "academy's curriculum."
        ),
        "is_academy": False,
    },
]

# The four pillars of the network's strategy.
PILLARS = [
    {
        "name": "Racial justice at the center",
        "slug": "racial-justice",
        "description": (
            "Policy choices made by governments, many of them local, created the racial gaps we "
            "see in housing, wealth, health and safety. This pillar asks officials to name those "
            "histories plainly, design remedies for them and bring leaders of color into the heart "
            "of decision-making, because a government that works for those it has harmed most will "
            "work better for everyone."
        ),
    },
    {
        "name": "Governing alongside communities",
        "slug": "collaborative-governing",
        "description": (
            "Officials get more done, and their wins last longer, when they plan and act with "
            "organized residents, unions and community groups instead of on their behalf. This "
            "pillar covers the relationships, agreements and habits that turn occasional allies "
            "into a standing governing coalition."
        ),
    },
    {
        "name": "Officials organized together",
        "slug": "organized-officials",
        "description": (
            "One progressive voice on a council can be outvoted or ignored; a network of officials "
            "across many places can share model policy, back each other under pressure and take on "
            "state preemption and concentrated corporate power. This pillar is about treating "
            "public office as a team effort."
        ),
    },
    {
        "name": "Change built from the ground up",
        "slug": "ground-up-change",
        "description": (
            "Lasting change starts with residents' own experience and adapts to local conditions, "
            "whether the jurisdiction is a large county or a rural township. This pillar focuses "
            "on listening, experimenting, learning from results and building new ways for people "
            "to take part in local government directly."
        ),
    },
]

POLICY_AREAS = [
    {
        "name": "Housing & tenant protections",
        "slug": "housing",
        "description": (
            "Keeping renters stably housed, preventing displacement and expanding homes that stay "
            "affordable for good: right to counsel, just-cause eviction, rent stabilization, land "
            "trusts and social housing."
        ),
    },
    {
        "name": "Worker power & wages",
        "slug": "worker-power",
        "description": (
            "Raising wages and standards, enforcing labor law with worker organizations, "
            "supporting the freedom to organize and attaching job quality standards to public "
            "contracts and subsidies."
        ),
    },
    {
        "name": "Community safety & care",
        "slug": "public-safety",
        "description": (
            "Broadening what public safety means: civilian crisis response, violence prevention, "
            "accountability in policing and budgets that reflect what residents say keeps them "
            "safe."
        ),
    },
    {
        "name": "Immigrant communities",
        "slug": "immigrant-communities",
        "description": (
            "Helping immigrant residents reach services without fear, limiting entanglement with "
            "federal enforcement, funding legal defense and ensuring meaningful language access."
        ),
    },
    {
        "name": "Climate & environmental justice",
        "slug": "climate-environment",
        "description": (
            "Putting frontline neighborhoods first in climate planning, cutting emissions from "
            "buildings and transport, and making sure the energy transition creates good jobs "
            "without displacing renters."
        ),
    },
    {
        "name": "Public education",
        "slug": "education",
        "description": (
            "Equitable school funding, family and student voice in district decisions, and "
            "partnerships between school boards and city or county governments that serve the same "
            "children."
        ),
    },
    {
        "name": "Budgets & fair revenue",
        "slug": "budget-revenue",
        "description": (
            "Reading budgets critically, shifting the tax burden toward those most able to pay, "
            "auditing fines and fees, and using public dollars to match community priorities."
        ),
    },
    {
        "name": "Democracy & participation",
        "slug": "democracy",
        "description": (
            "Opening decisions to residents through participatory budgeting, accessible meetings "
            "and stronger civic infrastructure, and defending local democracy against preemption "
            "and intimidation."
        ),
    },
]

COURSES = [
    {
        "title": "Governing as an Organizer: Foundations",
        "slug": "governing-as-an-organizer",
        "summary": (
            "The starting point for every academy participant. This course treats public office as "
            "a place to build power with the people most affected by local decisions, not a job "
            "done on their behalf. Participants map the forces at work in their own jurisdiction, "
            "practise coalition building and leave with a plan for using the ordinary machinery of "
            "government on purpose."
        ),
        "outcomes": [
            (
                "Explain how governing alongside an organized base differs from representing "
                "constituents from a distance"
            ),
            "Produce a power map of a live decision in their own jurisdiction",
            (
                "Draft a working agreement with community and labor partners that sets out roles "
                "and expectations"
            ),
            (
                "Use agendas, committees, staff requests and the public calendar to open decisions "
                "to residents"
            ),
        ],
        "pillars": ["collaborative-governing", "organized-officials", "racial-justice"],
        "policy_areas": ["democracy", "budget-revenue"],
        "format": "hybrid",
        "estimated_hours": 8,
        "co_authors": ["governance-academy", "commonground-institute"],
        "modules": [
            {
                "title": "From Office-Holder to Organizer",
                "slug": "from-office-holder-to-organizer",
                "intro": (
                    "Why winning a seat is the beginning of the work, and what changes when you "
                    "treat your office as a shared tool."
                ),
                "estimated_minutes": 45,
                "required": True,
                "authors": ["governance-academy"],
                "body": [
                    (
                        "text",
                        (
                            "<p>Many members of our network came to office from tenant "
                            "associations, PTAs, congregations and union halls. Once sworn in, the "
                            "pull is to become a manager of complaints and a reader of staff "
                            "memos. This module asks a different question: <b>what would it look "
                            "like to use the seat the way an organizer uses a campaign</b>, so "
                            "that more people end up with a real say?</p>"
                        ),
                    ),
                    ("heading", {"text": "Three habits of organizer-officials", "level": "h2"}),
                    (
                        "text",
                        (
                            "<ul><li><b>Relationships before positions.</b> Get to know the "
                            "leaders behind an issue before you stake out a public stance on "
                            "it.</li><li><b>Information flows outward.</b> Partners should see the "
                            "calendar, the budget timeline and the upcoming votes early enough to "
                            "act on them.</li><li><b>Power-sharing by design.</b> Build processes "
                            "that leave residents more capable after each fight, whether it is won "
                            "or lost.</li></ul>"
                        ),
                    ),
                    (
                        "video",
                        {
                            "url": "https://www.youtube.com/watch?v=Gv7pQk2mT4s",
                            "title": "Governing as an organizer: stories from the first term",
                            "duration_minutes": 14,
                            "transcript": (
                                "<p>Three officials from the network — a county commissioner, a "
                                "city council member and a school board trustee — describe the "
                                "moment they stopped treating community groups as an audience and "
                                "started planning with them. They talk frankly about what they "
                                "gave up, such as control of the timeline and some of the credit, "
                                "and what they gained: steadier majorities and policies that "
                                "survived staff turnover.</p>"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "style": "key",
                            "title": "The core shift",
                            "text": (
                                "<p>Advocates often experience city hall as something to push "
                                "against from outside. Organizer-officials try to turn it into a "
                                "place where residents practise and keep power themselves, not "
                                "just a building where they come to protest.</p>"
                            ),
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Your story of self",
                            "duration_minutes": 30,
                            "instructions": (
                                "<ol><li>Describe, in five sentences or fewer, the moment you "
                                "decided to run for office.</li><li>List the people who were with "
                                "you at that moment. Which of them do you still talk to "
                                "regularly?</li><li>Note one campaign promise that you will need "
                                "organized support to keep.</li><li>Swap drafts with a cohort "
                                "partner and give each other feedback.</li></ol>"
                            ),
                            "deliverable": (
                                "A one-paragraph public narrative and a list of three campaign "
                                "relationships to renew"
                            ),
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "When has your office felt most cut off from the people who "
                                "elected you? What might have been different if an organized group "
                                "had been in the room?"
                            ),
                            "guidance": (
                                "Keep the conversation on practice rather than blame. Invite newer "
                                "officials to speak first, and steer toward specific moments "
                                "instead of general frustration."
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Mapping Power Where You Serve",
                "slug": "mapping-power",
                "intro": (
                    "A practical method for seeing who decides, who influences and who is left out "
                    "of a decision in your jurisdiction."
                ),
                "estimated_minutes": 60,
                "required": True,
                "authors": ["commonground-institute", "governance-academy"],
                "body": [
                    ("heading", {"text": "What a power map shows", "level": "h2"}),
                    (
                        "text",
                        (
                            "<p>A power map is a picture of one decision: the people and "
                            "institutions who can make it happen, those who can stop it, and the "
                            "relationships that connect them. It works best when drawn for a "
                            "specific issue with a real deadline — a rezoning, a contract renewal, "
                            "a budget line — rather than for the jurisdiction as a whole.</p><p>A "
                            "good map also shows who is <i>missing</i>: residents who will live "
                            "with the result but have no way into the room where it is decided.</p>"
                        ),
                    ),
                    (
                        "reading",
                        {
                            "title": "Power Mapping for Public Officials: A Field Guide",
                            "source": "Commonground Organizing Institute",
                            "url": (
                                "https://commonground.example.org/guides/power-mapping-field-guide"
                            ),
                            "document": None,
                            "note": (
                                "Read sections 1 to 3. The worked example on a bus route change "
                                "uses the same grid you will fill in during the activity."
                            ),
                            "estimated_minutes": 25,
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Map one live decision",
                            "duration_minutes": 40,
                            "instructions": (
                                "<ol><li>Choose a decision your body is expected to make within "
                                "the next six months.</li><li>On a grid, place each actor by how "
                                "much influence they hold (vertical axis) and how supportive they "
                                "are (horizontal axis).</li><li>Draw lines for the relationships "
                                "you know about, and add a question mark to any you are "
                                "guessing.</li><li>Circle the communities most affected by the "
                                "outcome. Do they appear on the map at all?</li><li>Choose two "
                                "relationships you could strengthen in the coming month.</li></ol>"
                            ),
                            "deliverable": (
                                "A one-page power map with two named relationship-building actions"
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Redesigning a bus network with riders at the table",
                            "jurisdiction": "A mid-sized Midwestern county",
                            "jurisdiction_type": "county",
                            "state": "OH",
                            "year": 2021,
                            "summary": (
                                "<p>When a county transit agency began redrawing its bus network, "
                                "two commissioners worked with a riders' union and a home-care "
                                "workers' union local to map who would gain and lose service. The "
                                "map revealed that late-night routes used by shift workers had no "
                                "organized advocates at all. The commissioners asked the agency to "
                                "hold route workshops at hospitals and warehouses during shift "
                                "changes, and the riders' union trained members to present their "
                                "own ridership observations at public hearings.</p>"
                            ),
                            "lessons": [
                                (
                                    "Maps drawn with partners reveal constituencies that staff "
                                    "analysis can miss"
                                ),
                                "Meeting people where they already are changes who shows up",
                                (
                                    "Training residents to present evidence builds capacity that "
                                    "outlasts a single vote"
                                ),
                            ],
                        },
                    ),
                    (
                        "callout",
                        {
                            "style": "warning",
                            "title": "Mind your public records law",
                            "text": (
                                "<p>A power map holds candid judgments about colleagues and "
                                "allies. Documents created on government devices or accounts may "
                                "be subject to public records requests, so think carefully about "
                                "where you keep them and with whom you share them.</p>"
                            ),
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "Whose absence from your map surprised you most, and what explains "
                                "it?"
                            ),
                            "guidance": (
                                "Help participants link absences to history and design: past "
                                "displacement, missing language access, inconvenient meeting "
                                "times, or distrust earned by earlier administrations."
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Building a Governing Coalition",
                "slug": "building-a-governing-coalition",
                "intro": (
                    "How elected officials and organized groups move from occasional alliances to "
                    "a standing coalition with a shared agenda."
                ),
                "estimated_minutes": 60,
                "required": True,
                "authors": ["commonground-institute", "governance-academy"],
                "body": [
                    (
                        "text",
                        (
                            "<p>Campaign coalitions come together to win one vote and then drift "
                            "apart. A governing coalition works differently: it agrees on an "
                            "agenda that spans several years, meets on a predictable rhythm and "
                            "makes its expectations about roles explicit. Officials do not direct "
                            "the groups, and the groups do not treat officials as a reliable "
                            "source of votes on demand.</p>"
                        ),
                    ),
                    ("heading", {"text": "Inside, outside and shared roles", "level": "h3"}),
                    (
                        "text",
                        (
                            "<ul><li><b>Inside roles:</b> drafting legislation, moving items onto "
                            "agendas, asking staff for data, negotiating with "
                            "colleagues.</li><li><b>Outside roles:</b> turning out residents, "
                            "telling stories to the press, applying public pressure — sometimes on "
                            "the official's own colleagues.</li><li><b>Shared roles:</b> setting "
                            "priorities, evaluating results and deciding when a compromise is "
                            "worth taking.</li></ul>"
                        ),
                    ),
                    (
                        "video",
                        {
                            "url": "https://vimeo.com/824613907",
                            "title": "A coalition table in practice",
                            "duration_minutes": 11,
                            "transcript": (
                                "<p>Footage from a monthly meeting between a council member's "
                                "office, a tenant union, a faith-based organizing network and a "
                                "building trades council. The group walks through the council "
                                "calendar, assigns follow-up tasks and openly debates whether to "
                                "accept a colleague's amendment.</p>"
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Local non-discrimination ordinances, one town at a time",
                            "jurisdiction": "Several North Carolina municipalities",
                            "jurisdiction_type": "city",
                            "state": "NC",
                            "year": 2021,
                            "summary": (
                                "<p>When a state-imposed moratorium on local non-discrimination "
                                "ordinances ran out at the end of 2020, officials in a number of "
                                "North Carolina towns, cities and counties worked with LGBTQ+ "
                                "advocates, faith leaders and civil rights groups to adopt local "
                                "protections. They shared draft language, compared notes on legal "
                                "review and spaced out their votes so that each adoption added "
                                "momentum to the next.</p>"
                            ),
                            "lessons": [
                                (
                                    "Shared model language lowers the cost for smaller places with "
                                    "little legal staff"
                                ),
                                (
                                    "Sequencing votes across jurisdictions turns isolated fights "
                                    "into a visible movement"
                                ),
                                (
                                    "Community partners led the public story while officials "
                                    "handled procedure"
                                ),
                            ],
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Draft a coalition agreement",
                            "duration_minutes": 45,
                            "instructions": (
                                "<ol><li>List the organizations already working on your "
                                "top-priority issue.</li><li>For each one, write what they need "
                                "from an elected ally and what you need from them.</li><li>Draft "
                                "three shared commitments, such as advance notice of agenda items, "
                                "a monthly check-in and a no-surprises rule on public "
                                "statements.</li><li>Name one point where your interests may "
                                "diverge and propose how you will handle it.</li></ol>"
                            ),
                            "deliverable": (
                                "A one-page draft coalition agreement to discuss with partners"
                            ),
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "What do you owe a coalition partner when you plan to vote "
                                "differently from what they are asking for?"
                            ),
                            "guidance": (
                                "There is no single right answer. Draw out the difference between "
                                "disagreement handled inside a relationship and disagreement that "
                                "arrives as a surprise."
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Working the Institution",
                "slug": "working-the-institution",
                "intro": (
                    "Agendas, committees, staff requests and the budget calendar are organizing "
                    "tools. This module shows how to use them deliberately."
                ),
                "estimated_minutes": 50,
                "required": True,
                "authors": ["governance-academy"],
                "body": [
                    ("heading", {"text": "The levers most officials underuse", "level": "h2"}),
                    (
                        "text",
                        (
                            "<p>Much formal power in local government is procedural: who sets the "
                            "agenda, which committee hears an item, when public comment opens, "
                            "which questions staff are asked to answer. Officials who know these "
                            "rules can give their partners time to organize. Officials who do not "
                            "can discover that a decision was settled before residents heard about "
                            "it.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "style": "info",
                            "title": "Know your rules of procedure",
                            "text": (
                                "<p>Before your first contested vote, read your body's rules of "
                                "procedure and your state's open meetings law. Note how items "
                                "reach the agenda, how much notice is required and how amendments "
                                "are handled.</p>"
                            ),
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Annotate your legislative calendar",
                            "duration_minutes": 30,
                            "instructions": (
                                "<ol><li>Gather your body's calendar for the next two quarters, "
                                "including budget hearings.</li><li>Mark each decision point where "
                                "public input could change the outcome.</li><li>For each point, "
                                "estimate how many weeks of notice partners would need to organize "
                                "turnout.</li><li>Send the annotated calendar to a coalition "
                                "partner and ask what is missing.</li></ol>"
                            ),
                            "deliverable": (
                                "An annotated six-month calendar shared with at least one partner"
                            ),
                        },
                    ),
                    (
                        "reading",
                        {
                            "title": "Open Meetings and Public Records: A Primer for New Officials",
                            "source": "Progressive Governance Academy",
                            "url": "https://academy.example.org/library/open-meetings-primer",
                            "document": None,
                            "note": (
                                "A plain-language overview. Check it against your own state's "
                                "statute, since the rules vary widely, especially on group emails "
                                "and text messages."
                            ),
                            "estimated_minutes": 20,
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Publishing the budget calendar early",
                            "jurisdiction": "A small city in the Pacific Northwest",
                            "jurisdiction_type": "city",
                            "state": "WA",
                            "year": 2022,
                            "summary": (
                                "<p>A newly elected council majority asked staff to publish a "
                                "plain-language budget calendar two months before the first "
                                "hearing and to hold an evening work session in each neighborhood. "
                                "Community groups used the extra time to run their own surveys and "
                                "came to hearings with specific line-item requests instead of "
                                "general objections.</p>"
                            ),
                            "lessons": [
                                "Publishing timelines early is a low-cost move that builds trust",
                                (
                                    "Specific requests from residents are easier for staff to cost "
                                    "and for colleagues to support"
                                ),
                            ],
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "Which procedural rule in your body has most often worked against "
                                "public participation, and who could help you change it?"
                            ),
                            "guidance": (
                                "If a participant has clerk or parliamentary experience, invite "
                                "their view. Separate rules fixed by state law from local rules "
                                "the body can amend itself."
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "title": "Housing Justice from the Dais",
        "slug": "housing-justice-from-the-dais",
        "summary": (
            "Rising rents, evictions and displacement are among the most pressing issues our "
            "members face. This live online course pairs the policy toolkit for protecting tenants "
            "and creating permanently affordable homes with the organizing needed to pass those "
            "policies and defend them, including in states that restrict local action."
        ),
        "outcomes": [
            (
                "Trace how earlier housing policy produced today's racial gaps in ownership, "
                "investment and eviction risk"
            ),
            (
                "Compare core tenant protections such as right to counsel, just-cause eviction and "
                "rent stabilization"
            ),
            "Plan a legislative campaign in partnership with a tenant union or housing coalition",
            "Assess state preemption risk and build a strategy that accounts for it",
        ],
        "pillars": ["racial-justice", "collaborative-governing", "ground-up-change"],
        "policy_areas": ["housing", "democracy"],
        "format": "live_online",
        "estimated_hours": 7.5,
        "co_authors": ["governance-academy", "civic-futures-lab", "rootline-alliance"],
        "modules": [
            {
                "title": "Housing as a Racial Justice Issue",
                "slug": "housing-and-racial-justice",
                "intro": (
                    "Why today's housing gaps are the product of policy choices, and what that "
                    "means for the remedies local governments can adopt."
                ),
                "estimated_minutes": 50,
                "required": True,
                "authors": ["civic-futures-lab", "governance-academy"],
                "body": [
                    (
                        "text",
                        (
                            "<p>Redlining maps, racially restrictive covenants, urban renewal and "
                            "the routing of highways were all government decisions, many of them "
                            "made locally. Their effects still show up in who owns a home, which "
                            "neighborhoods received investment and who faces the greatest risk of "
                            "eviction. Treating those outcomes as accidents makes them harder to "
                            "undo.</p>"
                        ),
                    ),
                    (
                        "video",
                        {
                            "url": "https://www.youtube.com/watch?v=kR3nW8xLq2E",
                            "title": "How local decisions drew the color line",
                            "duration_minutes": 18,
                            "transcript": (
                                "<p>A historian and a fair housing attorney tour a composite "
                                "American city, showing how zoning, lending maps and public works "
                                "projects separated neighborhoods by race over the twentieth "
                                "century, and how those patterns reappear in today's eviction "
                                "filings and property values.</p>"
                            ),
                        },
                    ),
                    (
                        "reading",
                        {
                            "title": "Zoning, Covenants and the Local Roots of Segregation",
                            "source": "Civic Futures Policy Lab",
                            "url": (
                                "https://civicfutures.example.org/briefs/local-roots-of-segregation"
                            ),
                            "document": None,
                            "note": (
                                "Concentrate on the section about exclusionary zoning and ask "
                                "which of the tools it describes are still on the books where you "
                                "serve."
                            ),
                            "estimated_minutes": 30,
                        },
                    ),
                    (
                        "callout",
                        {
                            "style": "key",
                            "title": "Name the mechanism",
                            "text": (
                                "<p>When you present a housing proposal, explain the specific "
                                "policy that created the problem. Colleagues and residents are "
                                "more open to a policy remedy once they see that the harm also "
                                "came from policy.</p>"
                            ),
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Find the history in your own records",
                            "duration_minutes": 45,
                            "instructions": (
                                "<ol><li>Locate a historical zoning or lending map for your "
                                "jurisdiction; public libraries and university archives often hold "
                                "them.</li><li>Compare it with a current map of eviction filings "
                                "or rent-burdened households.</li><li>Write three observations you "
                                "could share at a public hearing.</li></ol>"
                            ),
                            "deliverable": (
                                "Three evidence-based talking points linking local history to "
                                "present housing conditions"
                            ),
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "How do you talk about the racial history of housing in a body "
                                "where many colleagues prefer to avoid the subject?"
                            ),
                            "guidance": (
                                "Ask participants to share wording that has worked for them in "
                                "practice. Precise descriptions of specific harms usually land "
                                "better than broad statements."
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "The Tenant Protection Toolkit",
                "slug": "tenant-protection-toolkit",
                "intro": (
                    "A tour of the main policies local governments use to keep renters housed, "
                    "what each requires and where each has been tried."
                ),
                "estimated_minutes": 75,
                "required": True,
                "authors": ["civic-futures-lab", "governance-academy"],
                "body": [
                    ("heading", {"text": "Core protections", "level": "h2"}),
                    (
                        "text",
                        (
                            "<ul><li><b>Right to counsel:</b> publicly funded lawyers for tenants "
                            "facing eviction.</li><li><b>Just-cause (or good-cause) eviction:</b> "
                            "landlords must give a recognized reason, such as unpaid rent, to end "
                            "a tenancy.</li><li><b>Rent stabilization:</b> limits on yearly "
                            "increases for sitting tenants, where state law allows "
                            "it.</li><li><b>Relocation assistance:</b> payments to tenants "
                            "displaced by no-fault evictions or steep rent "
                            "hikes.</li><li><b>Anti-harassment and habitability enforcement:</b> "
                            "proactive inspections and penalties for landlords who try to push "
                            "tenants out.</li></ul>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Guaranteeing lawyers for tenants in housing court",
                            "jurisdiction": "New York City",
                            "jurisdiction_type": "city",
                            "state": "NY",
                            "year": 2017,
                            "summary": (
                                "<p>In 2017 New York City passed the first citywide law in the "
                                "country guaranteeing legal representation to income-eligible "
                                "tenants facing eviction, phasing it in by ZIP code. A coalition "
                                "of tenant organizations, legal services providers and council "
                                "members led the campaign. Other cities and several states have "
                                "since adopted their own versions, and tenant organizers continue "
                                "to push for funding that keeps pace with demand for attorneys.</p>"
                            ),
                            "lessons": [
                                (
                                    "A phased rollout built legal capacity and evidence before "
                                    "full coverage"
                                ),
                                (
                                    "Funding and the attorney workforce must grow along with the "
                                    "right itself"
                                ),
                                (
                                    "Tenant groups kept organizing after passage to defend "
                                    "implementation"
                                ),
                            ],
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Local good-cause eviction laws in smaller New York cities",
                            "jurisdiction": (
                                "Several cities in the Hudson Valley and Capital Region"
                            ),
                            "jurisdiction_type": "city",
                            "state": "NY",
                            "year": 2022,
                            "summary": (
                                "<p>Before New York adopted a statewide good-cause eviction law in "
                                "2024, a handful of smaller cities in the Hudson Valley and "
                                "Capital Region passed local versions in partnership with regional "
                                "tenant organizing groups. Several of those local laws were "
                                "challenged in court, and the resulting uncertainty became part of "
                                "the case for a statewide standard.</p>"
                            ),
                            "lessons": [
                                (
                                    "Local action can build pressure and precedent for state "
                                    "legislation"
                                ),
                                "Plan for litigation from the start and budget for a legal defense",
                                (
                                    "Coordinating with neighboring cities weakens the claim that "
                                    "one place is an outlier"
                                ),
                            ],
                        },
                    ),
                    (
                        "reading",
                        {
                            "title": "Comparing Tenant Protection Ordinances",
                            "source": "Civic Futures Policy Lab",
                            "url": (
                                "https://civicfutures.example.org/tools/tenant-protection-comparison"
                            ),
                            "document": None,
                            "note": (
                                "A side-by-side table of policy features. Use it to see which "
                                "design choices — eligibility, enforcement body, funding source — "
                                "matter most in your context."
                            ),
                            "estimated_minutes": 35,
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Choose your first tenant protection",
                            "duration_minutes": 40,
                            "instructions": (
                                "<ol><li>List the tenant protections your state allows localities "
                                "to adopt, flagging any you are unsure about for legal "
                                "review.</li><li>For each, estimate the cost to your jurisdiction "
                                "and the number of households it would reach.</li><li>Ask a local "
                                "tenant organization which protection its members would put "
                                "first.</li><li>Compare your ranking with theirs and note where "
                                "they differ.</li></ol>"
                            ),
                            "deliverable": (
                                "A ranked shortlist of tenant protections annotated with "
                                "tenant-union priorities"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "style": "warning",
                            "title": "Check state authority first",
                            "text": (
                                "<p>Many states restrict or ban local rent regulation, and some "
                                "limit other tenant protections as well. Ask your city or county "
                                "attorney for a written opinion early, before a campaign raises "
                                "public expectations.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Organizing With Tenant Unions",
                "slug": "organizing-with-tenant-unions",
                "intro": (
                    "What tenant unions need from elected allies, and how to support their "
                    "leadership without taking it over."
                ),
                "estimated_minutes": 60,
                "required": True,
                "authors": ["rootline-alliance", "governance-academy"],
                "body": [
                    (
                        "text",
                        (
                            "<p>Tenant unions give renters collective strength in dealings with "
                            "landlords and in public debate, and they are where many future local "
                            "leaders first learn to organize. An elected ally can open doors, "
                            "share information and offer a platform, but decisions about the "
                            "union's strategy belong to its members.</p>"
                        ),
                    ),
                    (
                        "video",
                        {
                            "url": "https://www.youtube.com/watch?v=Tn5cVb1pXa0",
                            "title": "Inside a building campaign",
                            "duration_minutes": 16,
                            "transcript": (
                                "<p>Members of a tenant association in a large apartment complex "
                                "describe organizing floor by floor over repair problems, then "
                                "using that structure to push for citywide rental inspections. A "
                                "council member explains how she scheduled a hearing to give the "
                                "union a public stage.</p>"
                            ),
                        },
                    ),
                    ("heading", {"text": "Practical support from the dais", "level": "h3"}),
                    (
                        "callout",
                        {
                            "style": "tip",
                            "title": "Let tenants testify first",
                            "text": (
                                "<p>When you schedule a hearing, arrange for tenant leaders to "
                                "speak early, before staff presentations run long and the room "
                                "empties. Offer interpretation and childcare wherever you can.</p>"
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "From one building to a citywide inspection program",
                            "jurisdiction": "A large Texas city",
                            "jurisdiction_type": "city",
                            "state": "TX",
                            "year": 2019,
                            "summary": (
                                "<p>Tenants in a cluster of aging apartment complexes formed "
                                "building associations after months of ignored repair requests. "
                                "With help from a regional organizing federation they documented "
                                "conditions, met with two council members and testified over "
                                "several months. The council adopted a rental registration and "
                                "proactive inspection program, and tenant leaders were appointed "
                                "to the advisory body that oversees it.</p>"
                            ),
                            "lessons": [
                                (
                                    "Documented conditions gave council members evidence that was "
                                    "hard to dismiss"
                                ),
                                "Seats on the oversight body kept tenants involved after the vote",
                                (
                                    "Support from a regional federation carried the campaign "
                                    "through leadership turnover"
                                ),
                            ],
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Co-plan a listening session with renters",
                            "duration_minutes": 30,
                            "instructions": (
                                "<ol><li>Identify a tenant group or building association in your "
                                "district.</li><li>Ask its leaders which format, place and time "
                                "would suit their members.</li><li>Agree in advance how you will "
                                "report back what you heard.</li><li>Draft the invitation "
                                "together, in the languages spoken in the building.</li></ol>"
                            ),
                            "deliverable": (
                                "A co-planned listening session agenda and a multilingual "
                                "invitation"
                            ),
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "Where is the line between supporting a tenant union and steering "
                                "it?"
                            ),
                            "guidance": (
                                "Ask for concrete examples, such as drafting a union's demands or "
                                "choosing its spokespeople. Partner organizers in the cohort can "
                                "describe what felt helpful and what felt intrusive."
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Navigating Preemption",
                "slug": "navigating-preemption",
                "intro": (
                    "States increasingly override local housing and labor policy. This module "
                    "covers how to assess the risk and respond across jurisdictions."
                ),
                "estimated_minutes": 50,
                "required": True,
                "authors": ["civic-futures-lab", "governance-academy"],
                "body": [
                    (
                        "text",
                        (
                            "<p>Preemption happens when a higher level of government limits what a "
                            "lower level may do. Sometimes it sets a floor of protections that "
                            "everyone must meet. More and more, though, state legislatures use it "
                            "to block local action on rent, wages, public health and policing, and "
                            "some now threaten individual officials with fines or removal from "
                            "office.</p>"
                        ),
                    ),
                    ("heading", {"text": "Assessing the risk", "level": "h2"}),
                    (
                        "text",
                        (
                            "<ol><li>Is there an express state statute on this "
                            "subject?</li><li>Have courts in your state found implied preemption "
                            "in similar cases?</li><li>Does your jurisdiction have home-rule "
                            "authority, and how broad is it?</li><li>How likely is the legislature "
                            "to respond to your ordinance with new restrictions?</li></ol>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Local governments challenge punitive preemption",
                            "jurisdiction": "A coalition of Florida cities and counties",
                            "jurisdiction_type": "other",
                            "state": "FL",
                            "year": 2018,
                            "summary": (
                                "<p>Florida has long barred local firearm regulation, and a later "
                                "amendment added personal penalties for officials who cross that "
                                "line, including fines and possible removal from office. In 2018 "
                                "dozens of cities, counties and individual officials joined "
                                "lawsuits arguing that the penalties were unconstitutional. "
                                "Whatever the eventual rulings, acting jointly meant no official "
                                "had to face the threat of personal liability alone.</p>"
                            ),
                            "lessons": [
                                (
                                    "Collective legal action spreads both the cost and the "
                                    "political risk"
                                ),
                                (
                                    "Challenging penalty provisions can be a separate strategy "
                                    "from challenging the underlying preemption"
                                ),
                                "Public visibility can change the story about who is overreaching",
                            ],
                        },
                    ),
                    (
                        "reading",
                        {
                            "title": "Preemption Watch: A State-by-State Overview",
                            "source": "Civic Futures Policy Lab",
                            "url": "https://civicfutures.example.org/preemption/state-overview",
                            "document": None,
                            "note": (
                                "Find your state and read the housing and labor entries. Note any "
                                "provisions that penalize officials personally."
                            ),
                            "estimated_minutes": 20,
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Preemption risk memo",
                            "duration_minutes": 40,
                            "instructions": (
                                "<ol><li>Pick a policy you are considering.</li><li>Answer the "
                                "four risk questions above, with citations where you "
                                "can.</li><li>Identify two other jurisdictions in your state "
                                "weighing similar action.</li><li>Draft a short memo for "
                                "colleagues laying out the risk and a plan for coordinated "
                                "action.</li></ol>"
                            ),
                            "deliverable": (
                                "A two-page preemption risk memo for one proposed policy"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Social Housing and Community Ownership",
                "slug": "social-housing-and-community-ownership",
                "intro": (
                    "An optional deep dive into models that take homes permanently out of the "
                    "speculative market."
                ),
                "estimated_minutes": 40,
                "required": False,
                "authors": ["rootline-alliance", "civic-futures-lab"],
                "body": [
                    (
                        "text",
                        (
                            "<p>Beyond protecting tenants in the homes they already have, some "
                            "jurisdictions are looking for ways to keep homes affordable for good: "
                            "community land trusts, limited-equity cooperatives, tenant "
                            "opportunity-to-purchase rules and publicly developed, mixed-income "
                            "<i>social housing</i>. Each changes who owns and controls housing "
                            "over the long term.</p>"
                        ),
                    ),
                    (
                        "reading",
                        {
                            "title": "Community Land Trusts: An Introduction for Local Officials",
                            "source": "Rootline Community Alliance",
                            "url": "https://rootline.example.org/resources/community-land-trusts",
                            "document": None,
                            "note": (
                                "A short overview with questions to ask a land trust before "
                                "committing public land or money."
                            ),
                            "estimated_minutes": 20,
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Public land for a community land trust",
                            "jurisdiction": "A county board in the Upper Midwest",
                            "jurisdiction_type": "county",
                            "state": "MN",
                            "year": 2020,
                            "summary": (
                                "<p>A county board identified a group of tax-forfeited lots and, "
                                "after a public process with neighborhood organizations, "
                                "transferred several of them to a local community land trust "
                                "instead of selling them at auction. The trust built homes for "
                                "first-time buyers with resale limits that keep them affordable "
                                "for the buyers who come after.</p>"
                            ),
                            "lessons": [
                                (
                                    "Publicly owned land is often the most valuable asset a local "
                                    "government can contribute"
                                ),
                                "Resale limits preserve the public investment across generations",
                            ],
                        },
                    ),
                    (
                        "video",
                        {
                            "url": "https://vimeo.com/790215384",
                            "title": "What is social housing?",
                            "duration_minutes": 12,
                            "transcript": (
                                "<p>An explainer comparing long-standing social housing systems "
                                "abroad, such as Vienna's, with recent U.S. proposals for public "
                                "developers that build mixed-income rentals and use rent from "
                                "higher-income units to help support lower-income ones.</p>"
                            ),
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "Which public assets in your jurisdiction — land, buildings, "
                                "borrowing capacity — could be put toward permanently affordable "
                                "housing?"
                            ),
                            "guidance": (
                                "Encourage participants to look past vacant lots: surplus school "
                                "sites, parking lots and transit agency land are common candidates."
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "style": "info",
                            "title": "Optional module",
                            "text": (
                                "<p>This module is not required to complete the course, but "
                                "participants who expect to introduce housing legislation this "
                                "year are strongly encouraged to take it.</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "title": "Worker Power in Local Government",
        "slug": "worker-power-in-local-government",
        "summary": (
            "Local governments pay their own workforce, enforce labor standards and decide which "
            "businesses receive public subsidies. This in-person intensive shows officials how to "
            "use those levers to strengthen working people's bargaining power, in partnership with "
            "unions and worker centers."
        ),
        "outcomes": [
            "Identify the labor standards their jurisdiction can set, fund and enforce",
            "Design an enforcement approach that partners with worker centers and unions",
            "Support public- and private-sector organizing within legal and ethical limits",
            (
                "Attach enforceable job quality and community standards to public contracts and "
                "subsidies"
            ),
        ],
        "pillars": ["organized-officials", "collaborative-governing"],
        "policy_areas": ["worker-power", "budget-revenue"],
        "format": "in_person",
        "estimated_hours": 6,
        "co_authors": ["governance-academy", "rootline-alliance"],
        "modules": [
            {
                "title": "What Local Government Can Do for Workers",
                "slug": "local-levers-for-workers",
                "intro": (
                    "An inventory of the tools local officials control that shape wages, schedules "
                    "and working conditions."
                ),
                "estimated_minutes": 45,
                "required": True,
                "authors": ["rootline-alliance", "governance-academy"],
                "body": [
                    ("heading", {"text": "Four kinds of local authority", "level": "h2"}),
                    (
                        "text",
                        (
                            "<ul><li><b>As employer:</b> wages, benefits and bargaining rules for "
                            "public workers.</li><li><b>As purchaser:</b> standards for "
                            "contractors and service providers.</li><li><b>As regulator:</b> "
                            "minimum wage, paid sick time, fair scheduling and wage theft rules, "
                            "where state law allows.</li><li><b>As investor:</b> conditions on tax "
                            "breaks, land deals and economic development grants.</li></ul>"
                        ),
                    ),
                    (
                        "video",
                        {
                            "url": "https://www.youtube.com/watch?v=Wq8Lm2RzJ5c",
                            "title": "Worker power and local government",
                            "duration_minutes": 12,
                            "transcript": (
                                "<p>A worker-center director and a county commissioner talk about "
                                "the gap between passing a labor standard and making it real for "
                                "workers, and why enforcement depends on workers having "
                                "organizations they trust.</p>"
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Phasing in a higher minimum wage",
                            "jurisdiction": "City of Seattle",
                            "jurisdiction_type": "city",
                            "state": "WA",
                            "year": 2014,
                            "summary": (
                                "<p>In 2014, after strikes by fast-food workers and a broad labor "
                                "campaign, Seattle adopted a phased increase of its minimum wage "
                                "to $15 an hour, with different schedules for large and small "
                                "employers. The city later set up a dedicated office to enforce "
                                "the wage and related labor standards. Seattle's move helped spark "
                                "similar campaigns in other cities and states.</p>"
                            ),
                            "lessons": [
                                "Worker organizing created the political conditions for the policy",
                                (
                                    "A phase-in schedule can broaden support without giving up the "
                                    "goal"
                                ),
                                (
                                    "A standard needs a dedicated enforcement agency to matter in "
                                    "practice"
                                ),
                            ],
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "Which of the four kinds of authority is most underused in your "
                                "jurisdiction, and why?"
                            ),
                            "guidance": (
                                "Help participants separate legal barriers, such as state "
                                "preemption, from political or administrative ones, which are "
                                "often easier to change."
                            ),
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Labor authority inventory",
                            "duration_minutes": 30,
                            "instructions": (
                                "<ol><li>For each of the four kinds of authority, list one current "
                                "policy in your jurisdiction.</li><li>Mark which are fixed by "
                                "state law and which are local choices.</li><li>Ask a union or "
                                "worker-center partner which local choice matters most to its "
                                "members.</li></ol>"
                            ),
                            "deliverable": (
                                "A completed labor authority inventory with partner priorities "
                                "noted"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Enforcing Labor Standards With Workers",
                "slug": "co-enforcement",
                "intro": (
                    "Co-enforcement: how public agencies and worker organizations can share the "
                    "work of making labor law real."
                ),
                "estimated_minutes": 60,
                "required": True,
                "authors": ["rootline-alliance"],
                "body": [
                    (
                        "text",
                        (
                            "<p>Labor inspectors cannot be everywhere, and workers who fear "
                            "retaliation rarely file complaints alone. In a <b>co-enforcement</b> "
                            "model the jurisdiction funds trusted community organizations to teach "
                            "workers their rights, help them document violations and bring cases "
                            "forward, while the public agency keeps the authority to investigate "
                            "and penalize.</p>"
                        ),
                    ),
                    (
                        "reading",
                        {
                            "title": "Co-Enforcement of Labor Standards: Design Notes",
                            "source": "Rootline Community Alliance",
                            "url": (
                                "https://rootline.example.org/resources/co-enforcement-design-notes"
                            ),
                            "document": None,
                            "note": (
                                "Covers grant structures, data sharing and how to protect workers' "
                                "confidentiality."
                            ),
                            "estimated_minutes": 25,
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Funding worker centers to reach low-wage industries",
                            "jurisdiction": "A large West Coast county",
                            "jurisdiction_type": "county",
                            "state": "CA",
                            "year": 2019,
                            "summary": (
                                "<p>After adopting a local minimum wage, a county board noticed "
                                "that few complaints came from the industries where violations "
                                "were most common, such as restaurants, car washes and garment "
                                "work. The board funded community organizations rooted in those "
                                "workforces to run outreach and set up a referral pathway to the "
                                "county's enforcement office. Complaints from those industries "
                                "rose, and investigators received better-documented cases.</p>"
                            ),
                            "lessons": [
                                "Trusted messengers reach workers that agencies cannot",
                                (
                                    "Clear referral protocols protect both the agency's authority "
                                    "and workers' confidentiality"
                                ),
                            ],
                        },
                    ),
                    (
                        "callout",
                        {
                            "style": "warning",
                            "title": "Protect workers from retaliation",
                            "text": (
                                "<p>Any enforcement design has to account for the risk of "
                                "retaliation against workers who speak up, especially immigrant "
                                "workers. Build in confidentiality and anti-retaliation provisions "
                                "from the beginning.</p>"
                            ),
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Sketch a co-enforcement partnership",
                            "duration_minutes": 35,
                            "instructions": (
                                "<ol><li>Choose one labor standard already on your "
                                "books.</li><li>Identify worker organizations with relationships "
                                "in the industries most affected.</li><li>Outline what the agency "
                                "would do and what community partners would do.</li><li>List the "
                                "data each side would share and what would stay "
                                "confidential.</li></ol>"
                            ),
                            "deliverable": "A one-page outline of a co-enforcement partnership",
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "What would have to change for workers in your jurisdiction to "
                                "trust that a complaint will lead to action?"
                            ),
                            "guidance": (
                                "Invite participants to think about language access, office hours, "
                                "where complaints are filed and how cases are followed up."
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Public Workers and the Freedom to Organize",
                "slug": "public-sector-bargaining",
                "intro": (
                    "As employers, local governments set the terms for their own workforce. This "
                    "module covers neutrality, bargaining and the ethics of being both employer "
                    "and ally."
                ),
                "estimated_minutes": 45,
                "required": True,
                "authors": ["governance-academy", "rootline-alliance"],
                "body": [
                    ("heading", {"text": "When you are the employer", "level": "h2"}),
                    (
                        "text",
                        (
                            "<p>Public-sector bargaining law varies enormously from state to "
                            "state. In some states local governments must bargain with unions, in "
                            "others they may choose to, and in a few they are barred from "
                            "bargaining with most employees. Within those limits, officials decide "
                            "whether to adopt neutrality policies, how to respond to organizing "
                            "drives and what tone to set at the bargaining table.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "style": "key",
                            "title": "Employer and ally at once",
                            "text": (
                                "<p>Backing workers' freedom to organize does not mean accepting "
                                "every proposal. It means respecting workers' choice, bargaining "
                                "in good faith and being honest about budget limits.</p>"
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "A district adopts labor neutrality",
                            "jurisdiction": "A school board in the Mountain West",
                            "jurisdiction_type": "school_board",
                            "state": "CO",
                            "year": 2022,
                            "summary": (
                                "<p>When a district's education support staff — bus drivers, food "
                                "service workers and paraprofessionals — began organizing, the "
                                "school board passed a resolution committing the district to "
                                "neutrality and to recognizing a union chosen by a majority of "
                                "workers. Board members met with the organizing committee and "
                                "directed administrators not to hold mandatory meetings "
                                "discouraging the union.</p>"
                            ),
                            "lessons": [
                                "Neutrality policies let workers decide without employer pressure",
                                (
                                    "Support staff are often the district's lowest-paid employees "
                                    "and the most likely to live in the community"
                                ),
                            ],
                        },
                    ),
                    (
                        "reading",
                        {
                            "title": "Public-Sector Bargaining Laws by State",
                            "source": "Progressive Governance Academy",
                            "url": "https://academy.example.org/library/public-sector-bargaining",
                            "document": None,
                            "note": (
                                "Look up your state to see what is required, permitted or "
                                "prohibited before you commit to a position."
                            ),
                            "estimated_minutes": 15,
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "How do you balance your responsibility for the budget with your "
                                "commitment to public workers during a contract negotiation?"
                            ),
                            "guidance": (
                                "Encourage honesty about the tension. Participants who have been "
                                "through hard negotiations can describe how they kept "
                                "relationships intact."
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Contracts, Subsidies and the Race to the Bottom",
                "slug": "contracts-and-subsidies",
                "intro": (
                    "How to make sure public money creates good jobs, and how officials can resist "
                    "bidding wars for corporate investment."
                ),
                "estimated_minutes": 55,
                "required": True,
                "authors": ["rootline-alliance", "governance-academy"],
                "body": [
                    (
                        "text",
                        (
                            "<p>Local governments often compete with one another to attract large "
                            "employers, offering tax abatements and infrastructure in exchange for "
                            "promised jobs. These bidding wars tend to move public money to "
                            "shareholders and leave communities with little leverage once the deal "
                            "is signed. Officials can insist on enforceable standards and "
                            "coordinate with neighboring jurisdictions so that no single place is "
                            "pushed into a worse deal.</p>"
                        ),
                    ),
                    ("heading", {"text": "Standards to attach to public dollars", "level": "h3"}),
                    (
                        "text",
                        (
                            "<ul><li>Prevailing or living wage requirements</li><li>Local and "
                            "targeted hiring goals, with public reporting</li><li>Labor peace "
                            "agreements for service contracts</li><li>Clawbacks when job "
                            "commitments are not met</li><li>Community benefits agreements "
                            "negotiated with community coalitions</li></ul>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Neighboring counties agree on common standards",
                            "jurisdiction": "Two neighboring suburban counties",
                            "jurisdiction_type": "county",
                            "state": "MD",
                            "year": 2019,
                            "summary": (
                                "<p>When a large logistics company sought incentives from two "
                                "neighboring counties for a new distribution center, commissioners "
                                "from both counties agreed publicly to apply the same wage and "
                                "local hiring standards to any deal. By refusing to compete on "
                                "lower standards, they removed the company's ability to play them "
                                "against each other.</p>"
                            ),
                            "lessons": [
                                (
                                    "Relationships with neighboring officials need to exist before "
                                    "a bid arrives"
                                ),
                                (
                                    "A shared public commitment makes it harder for either side to "
                                    "break ranks"
                                ),
                            ],
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Audit one subsidy",
                            "duration_minutes": 40,
                            "instructions": (
                                "<ol><li>Find a recent tax abatement or development agreement your "
                                "body approved.</li><li>List the job and wage commitments it "
                                "contains and how they are reported.</li><li>Check whether reports "
                                "were filed and whether commitments were met.</li><li>Draft two "
                                "standards you would add to the next agreement.</li></ol>"
                            ),
                            "deliverable": (
                                "A short subsidy audit with two proposed standards for future "
                                "agreements"
                            ),
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "What would it take for officials in your region to agree not to "
                                "bid against each other for the next major employer?"
                            ),
                            "guidance": (
                                "Point to the value of relationships built in advance; once a "
                                "company announces a site search, timelines are short and secrecy "
                                "is common."
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "title": "Reimagining Public Safety",
        "slug": "reimagining-public-safety",
        "summary": (
            "Everyone wants to be safe, and for many communities of color conventional policing "
            "has not delivered that safety. This live online course looks at how local governments "
            "can widen their definition of public safety, invest in non-police responses, protect "
            "immigrant neighbors and align budgets with what residents ask for."
        ),
        "outcomes": [
            "Run a community process that defines safety in residents' own terms",
            "Evaluate models for civilian crisis response and violence prevention",
            "Adopt policies that protect immigrant residents' access to services and due process",
            "Read a public safety budget and propose evidence-based shifts in spending",
        ],
        "pillars": ["racial-justice", "ground-up-change", "collaborative-governing"],
        "policy_areas": ["public-safety", "immigrant-communities", "budget-revenue"],
        "format": "live_online",
        "estimated_hours": 6,
        "co_authors": ["governance-academy", "civic-futures-lab"],
        "modules": [
            {
                "title": "Defining Safety With Communities",
                "slug": "defining-safety",
                "intro": (
                    "Safety means different things to different residents. This module starts by "
                    "listening."
                ),
                "estimated_minutes": 45,
                "required": True,
                "authors": ["governance-academy"],
                "body": [
                    (
                        "text",
                        (
                            "<p>Ask residents what makes them feel safe and the answers reach far "
                            "beyond police: working streetlights, stable housing, mental health "
                            "care, safe routes to school, youth programs and jobs. A safety "
                            "strategy that starts from those answers looks very different from one "
                            "that starts from the police department's budget request.</p>"
                        ),
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "Think of a time you felt truly safe in your neighborhood. What "
                                "made that true?"
                            ),
                            "guidance": (
                                "Use this as an opening round. Notice how many answers involve "
                                "relationships and services rather than enforcement."
                            ),
                        },
                    ),
                    (
                        "video",
                        {
                            "url": "https://www.youtube.com/watch?v=Hs4dQy7fN1k",
                            "title": "Listening sessions on community safety",
                            "duration_minutes": 10,
                            "transcript": (
                                "<p>A youth organizer and a city council member describe a series "
                                "of listening sessions held in high schools, barbershops and "
                                "churches, and how the themes residents raised became the "
                                "framework for the city's community safety plan.</p>"
                            ),
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Design a safety listening process",
                            "duration_minutes": 45,
                            "instructions": (
                                "<ol><li>List the residents most affected by violence and by "
                                "enforcement in your jurisdiction.</li><li>Identify organizations "
                                "that already hold their trust.</li><li>Propose three listening "
                                "formats that meet people where they are.</li><li>Decide how "
                                "findings will be reported back and used in budget "
                                "decisions.</li></ol>"
                            ),
                            "deliverable": "A draft plan for a community safety listening process",
                        },
                    ),
                    (
                        "callout",
                        {
                            "style": "tip",
                            "title": "Pay people for their expertise",
                            "text": (
                                "<p>Where your rules allow it, offer stipends, meals and childcare "
                                "to residents who give up evenings to help design policy. It shows "
                                "that their time is valued as much as a consultant's.</p>"
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "A community safety plan written with residents",
                            "jurisdiction": "A mid-sized Midwestern city",
                            "jurisdiction_type": "city",
                            "state": "WI",
                            "year": 2021,
                            "summary": (
                                "<p>After a year of protests, a city council commissioned a "
                                "community-led safety plan. A steering committee of residents, "
                                "youth leaders and service providers held dozens of neighborhood "
                                "conversations and recommended investments in violence "
                                "interruption, youth employment and mental health response, along "
                                "with changes to police practice. The council adopted the plan as "
                                "the framework for its next two budgets.</p>"
                            ),
                            "lessons": [
                                "Resident authorship gave the plan legitimacy across factions",
                                "Tying the plan to budget cycles kept it from gathering dust",
                            ],
                        },
                    ),
                ],
            },
            {
                "title": "Civilian Crisis Response",
                "slug": "civilian-crisis-response",
                "intro": (
                    "Sending the right responder to the right call: models that route mental "
                    "health, substance use and welfare calls away from armed officers."
                ),
                "estimated_minutes": 60,
                "required": True,
                "authors": ["civic-futures-lab", "governance-academy"],
                "body": [
                    ("heading", {"text": "Why the type of responder matters", "level": "h2"}),
                    (
                        "text",
                        (
                            "<p>A large share of emergency and non-emergency calls involve mental "
                            "health crises, homelessness or welfare checks rather than crimes in "
                            "progress. Sending trained clinicians, medics or peer counselors to "
                            "those calls can lead to better outcomes for people in crisis and "
                            "frees officers for other work.</p>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "A long-running mobile crisis team",
                            "jurisdiction": "City of Eugene",
                            "jurisdiction_type": "city",
                            "state": "OR",
                            "year": 1989,
                            "summary": (
                                "<p>For more than three decades Eugene has dispatched a mobile "
                                "crisis team run by a community health clinic, pairing a medic "
                                "with a crisis worker to respond to calls involving mental health, "
                                "intoxication and homelessness. The program, known as CAHOOTS, is "
                                "dispatched through the same emergency communications system as "
                                "police and fire, and many cities have studied it while designing "
                                "their own alternatives.</p>"
                            ),
                            "lessons": [
                                (
                                    "Integration with emergency dispatch is essential for reaching "
                                    "calls in real time"
                                ),
                                (
                                    "A community-based provider can build trust that a police unit "
                                    "may not"
                                ),
                                "Long-term, stable funding let the program mature",
                            ],
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Piloting a civilian response team",
                            "jurisdiction": "City and County of Denver",
                            "jurisdiction_type": "city",
                            "state": "CO",
                            "year": 2020,
                            "summary": (
                                "<p>In 2020 Denver began a pilot that sends a mental health "
                                "clinician and a paramedic, rather than police, to certain "
                                "low-risk calls. Community advocates had pushed for the program, "
                                "and early evaluations were used to make the case for expanding "
                                "it. Its phased approach — start small, measure, then grow — has "
                                "drawn wide attention.</p>"
                            ),
                            "lessons": [
                                (
                                    "Piloting with a clear evaluation plan builds the evidence "
                                    "needed to expand"
                                ),
                                (
                                    "Advocates who campaigned for the program stayed involved in "
                                    "its design"
                                ),
                            ],
                        },
                    ),
                    (
                        "reading",
                        {
                            "title": (
                                "Designing Alternative Crisis Response: A Guide for Local "
                                "Governments"
                            ),
                            "source": "Civic Futures Policy Lab",
                            "url": (
                                "https://civicfutures.example.org/guides/alternative-crisis-response"
                            ),
                            "document": None,
                            "note": (
                                "Read the chapter on dispatch protocols and the checklist on "
                                "staffing and labor agreements."
                            ),
                            "estimated_minutes": 30,
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Map your calls for service",
                            "duration_minutes": 40,
                            "instructions": (
                                "<ol><li>Request a year of call-type data from your police "
                                "department or dispatch center.</li><li>Sort call types into "
                                "categories: violent, property, traffic, mental health, welfare "
                                "and other.</li><li>Identify which categories a civilian responder "
                                "could handle.</li><li>Share your findings with a community "
                                "partner and ask what the data leaves out.</li></ol>"
                            ),
                            "deliverable": (
                                "A categorized summary of calls for service, with candidate call "
                                "types for civilian response"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "style": "warning",
                            "title": "Data quality varies",
                            "text": (
                                "<p>Call codes are often inconsistent and may not reflect what "
                                "actually happened on scene. Treat your first analysis as a source "
                                "of questions, not a final answer.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Protecting Immigrant Neighbors",
                "slug": "protecting-immigrant-neighbors",
                "intro": (
                    "Local policies that keep immigrant residents connected to services, limit "
                    "entanglement with federal enforcement and provide representation in court."
                ),
                "estimated_minutes": 50,
                "required": True,
                "authors": ["civic-futures-lab", "governance-academy"],
                "body": [
                    (
                        "text",
                        (
                            "<p>Immigrant residents are less likely to report crimes, seek health "
                            "care or enroll their children in programs when they fear that any "
                            "contact with local government could lead to deportation. Local "
                            "governments have several tools to reduce that fear: limits on sharing "
                            "information with immigration authorities, identification open to all "
                            "residents, language access requirements and funding for legal "
                            "representation.</p>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "A municipal ID open to every resident",
                            "jurisdiction": "City of New Haven",
                            "jurisdiction_type": "city",
                            "state": "CT",
                            "year": 2007,
                            "summary": (
                                "<p>In 2007 New Haven became one of the first U.S. cities to issue "
                                "a municipal identification card to all residents regardless of "
                                "immigration status. The card could be used for city services and "
                                "at participating banks. Many cities later created their own "
                                "versions, often adding features such as library access or transit "
                                "payments to encourage broad use.</p>"
                            ),
                            "lessons": [
                                "When everyone carries the card, it does not single anyone out",
                                (
                                    "Privacy protections for applicant data must be designed in "
                                    "from the start"
                                ),
                            ],
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Publicly funded deportation defense",
                            "jurisdiction": "A large urban county",
                            "jurisdiction_type": "county",
                            "state": "IL",
                            "year": 2020,
                            "summary": (
                                "<p>People facing deportation have no right to a "
                                "government-appointed lawyer. A county board partnered with legal "
                                "service providers and immigrant rights groups to fund "
                                "representation for detained residents, drawing on programs "
                                "pioneered in New York. Community groups helped families learn "
                                "about the program and connect to it quickly.</p>"
                            ),
                            "lessons": [
                                (
                                    "Representation makes a major difference in complex legal "
                                    "proceedings"
                                ),
                                "Immigrant rights groups help a program reach families fast",
                            ],
                        },
                    ),
                    (
                        "callout",
                        {
                            "style": "key",
                            "title": "Know the legal boundaries",
                            "text": (
                                "<p>Federal law, state law and court decisions all shape what a "
                                "local policy on immigration cooperation may say. Some states "
                                "require cooperation and others limit it. Get legal advice "
                                "specific to your state before drafting.</p>"
                            ),
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Audit immigrant access to services",
                            "duration_minutes": 40,
                            "instructions": (
                                "<ol><li>List five services residents use most often, such as "
                                "permits, utilities, libraries, clinics and schools.</li><li>For "
                                "each, note the identification required and the languages "
                                "information is offered in.</li><li>Ask an immigrant-led "
                                "organization which services are hardest for its members to "
                                "use.</li><li>Propose one change you could make this "
                                "year.</li></ol>"
                            ),
                            "deliverable": (
                                "An access audit of five services with one proposed change"
                            ),
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "How can you rebuild trust with immigrant communities when earlier "
                                "local actions damaged it?"
                            ),
                            "guidance": (
                                "Ask participants for specific repair steps, such as public "
                                "acknowledgment, policy change and consistent follow-through."
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Budgeting for Safety",
                "slug": "budgeting-for-safety",
                "intro": (
                    "How to read a public safety budget and propose investments that match what "
                    "residents asked for."
                ),
                "estimated_minutes": 45,
                "required": True,
                "authors": ["governance-academy", "civic-futures-lab"],
                "body": [
                    ("heading", {"text": "Reading the public safety budget", "level": "h2"}),
                    (
                        "text",
                        (
                            "<p>Public safety is often the largest item in a city or county "
                            "general fund, yet budget documents rarely break it down by function. "
                            "Ask staff to show spending by activity: patrol, investigations, jail "
                            "operations, overtime, crisis response and violence prevention. "
                            "Overtime and legal settlements often exceed their budgets and deserve "
                            "close attention.</p>"
                        ),
                    ),
                    (
                        "reading",
                        {
                            "title": "A Public Safety Budget Walkthrough",
                            "source": "Progressive Governance Academy",
                            "url": (
                                "https://academy.example.org/library/public-safety-budget-walkthrough"
                            ),
                            "document": None,
                            "note": (
                                "Follows a composite city's budget line by line, with questions to "
                                "ask at each step."
                            ),
                            "estimated_minutes": 25,
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Prepare five budget questions",
                            "duration_minutes": 35,
                            "instructions": (
                                "<ol><li>Request your jurisdiction's public safety budget for the "
                                "past three years.</li><li>Compare actual overtime spending with "
                                "the adopted budget for each year.</li><li>Identify spending on "
                                "prevention and civilian response.</li><li>Draft five questions "
                                "for your next budget hearing.</li></ol>"
                            ),
                            "deliverable": (
                                "Five written budget questions ready for a public hearing"
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Moving dollars toward prevention over several years",
                            "jurisdiction": "A county board in the Southwest",
                            "jurisdiction_type": "county",
                            "state": "NM",
                            "year": 2022,
                            "summary": (
                                "<p>Instead of one large cut, a county board adopted a multi-year "
                                "plan to grow funding for behavioral health and youth programs, "
                                "paid for in part by lowering the jail population and the costs "
                                "that come with it. Each year's budget included a public progress "
                                "report so residents could see whether commitments were being "
                                "kept.</p>"
                            ),
                            "lessons": [
                                (
                                    "Multi-year plans tend to be more durable than single-year "
                                    "reallocations"
                                ),
                                "Public progress reports build trust and hold coalitions together",
                            ],
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "What would your colleagues accept as evidence that an investment "
                                "in prevention is working?"
                            ),
                            "guidance": (
                                "Discuss the timing problem: prevention can take years to show "
                                "results, while budgets are annual. Suggest interim indicators "
                                "that can be tracked each year."
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "title": "People's Budgets: Revenue, Spending and Participation",
        "slug": "peoples-budgets",
        "summary": (
            "The budget is the most consequential policy a local government adopts each year. This "
            "self-paced course teaches officials to read budgets critically, open spending "
            "decisions to residents through participatory budgeting and find fairer revenue under "
            "tight state limits."
        ),
        "outcomes": [
            "Read an operating and capital budget and identify where real discretion lies",
            "Design a participatory budgeting process that reaches residents who rarely take part",
            "Evaluate progressive revenue options available under their state's laws",
            "Apply an equity lens to budget decisions, including school district budgets",
        ],
        "pillars": ["collaborative-governing", "ground-up-change", "racial-justice"],
        "policy_areas": ["budget-revenue", "democracy", "education"],
        "format": "self_paced",
        "estimated_hours": 3.5,
        "co_authors": ["governance-academy", "commonground-institute"],
        "modules": [
            {
                "title": "Reading a Budget Like an Organizer",
                "slug": "reading-a-budget",
                "intro": "Where the real decisions in a budget are made, and how to find them.",
                "estimated_minutes": 50,
                "required": True,
                "authors": ["governance-academy"],
                "body": [
                    (
                        "text",
                        (
                            "<p>Most of a local budget is committed before any public hearing: "
                            "salaries, debt payments, state mandates. The room for choice lies at "
                            "the margins — new positions, one-time funds, capital priorities, fees "
                            "and the assumptions behind revenue forecasts. Knowing where that room "
                            "is lets you and your partners focus their energy where it can change "
                            "the outcome.</p>"
                        ),
                    ),
                    ("heading", {"text": "Documents to request", "level": "h3"}),
                    (
                        "text",
                        (
                            "<ul><li>The adopted budget and the proposed budget for the coming "
                            "year</li><li>The capital improvement plan</li><li>Year-end actual "
                            "spending compared with the adopted budget</li><li>Fund balance and "
                            "reserve policies</li><li>The most recent outside audit and management "
                            "letter</li></ul>"
                        ),
                    ),
                    (
                        "video",
                        {
                            "url": "https://www.youtube.com/watch?v=Bd2rTf9XkZw",
                            "title": "Finding the choices in a local budget",
                            "duration_minutes": 15,
                            "transcript": (
                                "<p>A former city budget director walks through a sample budget "
                                "and shows where discretion hides, including the gap between what "
                                "departments are budgeted and what they actually spend, and why "
                                "reserves can be larger than they first appear.</p>"
                            ),
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Budget scavenger hunt",
                            "duration_minutes": 40,
                            "instructions": (
                                "<ol><li>Download your jurisdiction's most recent adopted "
                                "budget.</li><li>Find the total general fund, the three largest "
                                "departments and the unassigned fund balance.</li><li>Compare last "
                                "year's budgeted and actual spending for one "
                                "department.</li><li>Write down one question the document does not "
                                "answer.</li></ol>"
                            ),
                            "deliverable": "A one-page budget fact sheet for your jurisdiction",
                        },
                    ),
                    (
                        "callout",
                        {
                            "style": "tip",
                            "title": "Get to know the budget office",
                            "text": (
                                "<p>Budget staff are usually glad to explain their work to an "
                                "official who asks in good faith. A standing monthly briefing can "
                                "save weeks of confusion during budget season.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Participatory Budgeting",
                "slug": "participatory-budgeting",
                "intro": (
                    "How to let residents decide directly how part of a public budget is spent, "
                    "and how to reach beyond the usual participants."
                ),
                "estimated_minutes": 60,
                "required": True,
                "authors": ["commonground-institute", "governance-academy"],
                "body": [
                    (
                        "text",
                        (
                            "<p>In participatory budgeting (PB), residents propose ideas, "
                            "volunteers turn them into costed projects with help from staff, and "
                            "the community votes on which to fund. Strong processes open the vote "
                            "to young people and to residents who cannot vote in regular "
                            "elections, and they invest in outreach so that participants reflect "
                            "the whole community.</p>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Bringing participatory budgeting to a U.S. ward",
                            "jurisdiction": "City of Chicago, 49th Ward",
                            "jurisdiction_type": "city",
                            "state": "IL",
                            "year": 2009,
                            "summary": (
                                "<p>In 2009 a Chicago alderman opened part of his ward's "
                                "discretionary infrastructure funds to a resident vote, widely "
                                "cited as the first participatory budgeting process in the United "
                                "States. Residents proposed and chose projects such as street "
                                "repairs, lighting and community gardens. The practice spread to "
                                "other wards and inspired processes in many other cities.</p>"
                            ),
                            "lessons": [
                                (
                                    "Starting with a fund the official already controls lowers the "
                                    "barrier to entry"
                                ),
                                "A visible first cycle can inspire adoption elsewhere",
                            ],
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Students decide part of the budget",
                            "jurisdiction": "A school board in the Southwest",
                            "jurisdiction_type": "school_board",
                            "state": "AZ",
                            "year": 2019,
                            "summary": (
                                "<p>A school board set aside a small share of its budget for "
                                "student-led participatory budgeting in its high schools. Students "
                                "gathered ideas from classmates, worked with facilities staff to "
                                "price projects and ran the vote themselves. Winning projects "
                                "ranged from water bottle filling stations to improved study "
                                "spaces, and students said they felt the district was listening to "
                                "them.</p>"
                            ),
                            "lessons": [
                                "PB can be a civic education tool as well as a spending process",
                                "Staff support keeps student proposals feasible",
                            ],
                        },
                    ),
                    (
                        "reading",
                        {
                            "title": "Running Your First Participatory Budgeting Cycle",
                            "source": "Commonground Organizing Institute",
                            "url": "https://commonground.example.org/guides/first-pb-cycle",
                            "document": None,
                            "note": (
                                "A step-by-step guide to rulebooks, steering committees, outreach "
                                "and voting. Read the section on equitable outreach closely."
                            ),
                            "estimated_minutes": 30,
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Outline a PB rulebook",
                            "duration_minutes": 45,
                            "instructions": (
                                "<ol><li>Decide which pot of money could be allocated through PB, "
                                "and how much.</li><li>Define who may propose ideas and who may "
                                "vote, including age and residency rules.</li><li>Choose partner "
                                "organizations to lead outreach in under-represented "
                                "neighborhoods.</li><li>Set a timeline that fits your budget "
                                "calendar.</li></ol>"
                            ),
                            "deliverable": (
                                "An outline of a PB rulebook ready to review with a steering "
                                "committee"
                            ),
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "What would a participatory process need to look like for the "
                                "residents you hear from least to take part?"
                            ),
                            "guidance": (
                                "Push beyond translation alone. Discuss meeting locations, "
                                "compensation, trusted messengers and formats for people who work "
                                "evenings."
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Fair Revenue Under Constraint",
                "slug": "fair-revenue",
                "intro": (
                    "Most local governments face tight state limits on how they raise money. This "
                    "module looks at options that are fairer and more sustainable."
                ),
                "estimated_minutes": 45,
                "required": True,
                "authors": ["governance-academy", "commonground-institute"],
                "body": [
                    (
                        "text",
                        (
                            "<p>Local revenue leans heavily on property taxes, sales taxes and "
                            "fees, which often fall hardest on lower-income households. State caps "
                            "on tax rates and assessment growth, combined with shrinking state and "
                            "federal aid, squeeze local budgets further. Even within those limits, "
                            "officials can make choices that shift the burden toward those best "
                            "able to pay.</p>"
                        ),
                    ),
                    ("heading", {"text": "Options to explore", "level": "h2"}),
                    (
                        "text",
                        (
                            "<ul><li>Reviewing fines and fees that fall on low-income "
                            "residents</li><li>Taxes on vacant property or high-value real estate "
                            "transfers, where permitted</li><li>Ending or conditioning tax "
                            "abatements</li><li>Seeking payments in lieu of taxes from large "
                            "tax-exempt institutions</li><li>Ballot measures for dedicated funds, "
                            "such as children's services or housing</li></ul>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Reviewing fines and fees",
                            "jurisdiction": "A suburban township in Michigan",
                            "jurisdiction_type": "township",
                            "state": "MI",
                            "year": 2021,
                            "summary": (
                                "<p>A township board found that late fees on water bills and "
                                "ordinance fines had become a growing share of revenue and fell "
                                "heavily on a few lower-income neighborhoods. After hearing from "
                                "residents, the board capped late fees, created a payment plan "
                                "program and stopped water shutoffs for households keeping up with "
                                "a plan. It made up the lost revenue with a modest adjustment to "
                                "general rates.</p>"
                            ),
                            "lessons": [
                                (
                                    "Fines and fees can act as a hidden regressive tax and are "
                                    "worth auditing"
                                ),
                                (
                                    "Residents' stories made the case for reform more powerfully "
                                    "than spreadsheets alone"
                                ),
                            ],
                        },
                    ),
                    (
                        "callout",
                        {
                            "style": "warning",
                            "title": "Beware of revenue that depends on enforcement",
                            "text": (
                                "<p>When a budget relies on fines, the government acquires an "
                                "interest in issuing them. Tracking fine and fee revenue as a "
                                "share of the general fund helps expose that dependence.</p>"
                            ),
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Revenue options scan",
                            "duration_minutes": 30,
                            "instructions": (
                                "<ol><li>List the revenue sources your state allows your "
                                "jurisdiction to use.</li><li>Mark which ones your jurisdiction "
                                "uses today.</li><li>For one unused or underused source, describe "
                                "who would pay and what it could fund.</li></ol>"
                            ),
                            "deliverable": "A short revenue options scan with one proposal",
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "Which revenue proposal would your coalition partners campaign "
                                "for, and which would they oppose?"
                            ),
                            "guidance": (
                                "Remind participants that a revenue measure is also an organizing "
                                "campaign, especially when it goes before voters."
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Equity in School District Budgets",
                "slug": "school-budget-equity",
                "intro": (
                    "An optional module for school board members and for officials whose "
                    "governments work closely with school districts."
                ),
                "estimated_minutes": 40,
                "required": False,
                "authors": ["governance-academy"],
                "body": [
                    (
                        "text",
                        (
                            "<p>School district budgets are shaped by state funding formulas, "
                            "local property wealth and collective bargaining agreements. Board "
                            "members control fewer levers than they might expect, but decisions "
                            "about how money is distributed across schools, and which programs are "
                            "protected in lean years, have large effects on students of color and "
                            "students from low-income families.</p>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "Weighted funding for students with greater needs",
                            "jurisdiction": "An urban school district in the Pacific Northwest",
                            "jurisdiction_type": "school_board",
                            "state": "OR",
                            "year": 2020,
                            "summary": (
                                "<p>A school board revised how it distributes discretionary funds "
                                "among schools, adding weight for students learning English, "
                                "students experiencing homelessness and students with "
                                "disabilities. Families and student groups helped shape the "
                                "formula through community budget sessions held in several "
                                "languages.</p>"
                            ),
                            "lessons": [
                                (
                                    "A transparent formula makes it easier for families to see and "
                                    "question funding decisions"
                                ),
                                (
                                    "Involving families in the design built support for hard "
                                    "trade-offs"
                                ),
                            ],
                        },
                    ),
                    (
                        "reading",
                        {
                            "title": "School Finance Basics for Board Members",
                            "source": "Progressive Governance Academy",
                            "url": "https://academy.example.org/library/school-finance-basics",
                            "document": None,
                            "note": (
                                "Explains state aid formulas, local levies and where collective "
                                "bargaining fits into the budget."
                            ),
                            "estimated_minutes": 20,
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "How can school board members and city or county officials "
                                "coordinate on budgets that serve the same families?"
                            ),
                            "guidance": (
                                "Point to shared services such as libraries, parks, after-school "
                                "programs and school nurses, where joint planning can stretch "
                                "resources."
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "style": "info",
                            "title": "Optional module",
                            "text": (
                                "<p>This module is optional. It is recommended for school board "
                                "members and for officials whose jurisdictions fund or share "
                                "services with a school district.</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "title": "Climate Justice and Resilient Neighborhoods",
        "slug": "climate-justice-resilient-neighborhoods",
        "summary": (
            "Climate change arrives first and hits hardest in neighborhoods that have long lived "
            "with pollution and disinvestment. This hybrid course helps officials put frontline "
            "communities at the center of climate planning, tie the energy transition to good jobs "
            "and tenant protections, and coordinate across jurisdictions to move faster than any "
            "one place could alone."
        ),
        "outcomes": [
            "Identify frontline communities and the environmental burdens they carry",
            (
                "Design climate investments that create good jobs and protect renters from "
                "displacement"
            ),
            "Build agreements with other jurisdictions to share policy and bargaining power",
        ],
        "pillars": ["ground-up-change", "organized-officials", "racial-justice"],
        "policy_areas": ["climate-environment", "housing", "worker-power"],
        "format": "hybrid",
        "estimated_hours": 4.5,
        "co_authors": ["governance-academy", "civic-futures-lab"],
        "modules": [
            {
                "title": "Frontline Communities First",
                "slug": "frontline-communities-first",
                "intro": (
                    "Who bears the heaviest climate and pollution burdens, and how to give them "
                    "real authority in planning."
                ),
                "estimated_minutes": 50,
                "required": True,
                "authors": ["civic-futures-lab", "governance-academy"],
                "body": [
                    (
                        "text",
                        (
                            "<p>Heat islands, flood-prone land, truck routes and industrial zones "
                            "are not scattered at random. They tend to follow the lines that "
                            "redlining and exclusionary zoning drew generations ago. Climate "
                            "planning that starts with these neighborhoods, and gives their "
                            "residents real authority over priorities, is fairer and often more "
                            "effective.</p>"
                        ),
                    ),
                    (
                        "video",
                        {
                            "url": "https://www.youtube.com/watch?v=Fp6yJc3uVb8",
                            "title": "Heat, history and the neighborhoods that feel it most",
                            "duration_minutes": 13,
                            "transcript": (
                                "<p>Residents of a historically redlined neighborhood compare "
                                "summer temperature readings on their block with those in a "
                                "tree-lined neighborhood across town, and describe how a "
                                "tree-planting and cooling-center campaign they led won city "
                                "funding.</p>"
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "A community-directed clean energy fund",
                            "jurisdiction": "City of Portland",
                            "jurisdiction_type": "city",
                            "state": "OR",
                            "year": 2018,
                            "summary": (
                                "<p>In 2018 Portland voters approved a ballot measure, led by a "
                                "coalition of environmental justice, racial justice and community "
                                "organizations, that created a surcharge on large retailers to pay "
                                "for clean energy projects, green job training and other climate "
                                "work. A committee of community members recommends which projects "
                                "receive grants, with priority on benefits for low-income "
                                "residents and communities of color.</p>"
                            ),
                            "lessons": [
                                (
                                    "A dedicated revenue source keeps climate work steady across "
                                    "budget cycles"
                                ),
                                "Community control over grants builds trust and ownership",
                                (
                                    "Coalitions spanning environmental and racial justice groups "
                                    "can win at the ballot box"
                                ),
                            ],
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Overlay burdens and plans",
                            "duration_minutes": 40,
                            "instructions": (
                                "<ol><li>Use a public environmental justice screening tool to map "
                                "pollution and heat burdens in your jurisdiction.</li><li>Overlay "
                                "the capital projects planned for the next five "
                                "years.</li><li>Note where investments and burdens do not line "
                                "up.</li><li>Share the overlay with a frontline community group "
                                "and ask what they see.</li></ol>"
                            ),
                            "deliverable": (
                                "A map overlay and a short note on gaps between burdens and "
                                "planned investment"
                            ),
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "What would it mean to give frontline residents real "
                                "decision-making authority, rather than three minutes at a public "
                                "comment microphone?"
                            ),
                            "guidance": (
                                "Contrast advisory committees with bodies that control funds or "
                                "set criteria. Ask participants for examples from their own "
                                "jurisdictions."
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "A Just Transition in Practice",
                "slug": "just-transition",
                "intro": (
                    "Making sure building retrofits, transit expansion and clean energy create "
                    "good union jobs and do not push renters out."
                ),
                "estimated_minutes": 55,
                "required": True,
                "authors": ["civic-futures-lab"],
                "body": [
                    ("heading", {"text": "Jobs and housing in the same plan", "level": "h2"}),
                    (
                        "text",
                        (
                            "<p>Climate investments create work, and officials can decide whether "
                            "that work comes with fair wages, training pathways and local hiring. "
                            "They can also protect tenants, because upgrades to rental buildings "
                            "can lead to rent increases or displacement unless safeguards are "
                            "attached.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "style": "key",
                            "title": "Two questions for every climate investment",
                            "text": (
                                "<p>Ask of every project: <b>Who will do the work, and on what "
                                "terms?</b> And: <b>Who will live here once it is finished?</b></p>"
                            ),
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Building emissions standards with tenant safeguards",
                            "jurisdiction": "A large East Coast city",
                            "jurisdiction_type": "city",
                            "state": "MA",
                            "year": 2022,
                            "summary": (
                                "<p>A city council adopted emissions standards for large "
                                "buildings, phased in over two decades. Tenant advocates and "
                                "building trades unions negotiated alongside environmental groups "
                                "and won provisions that limit how much retrofit cost can be "
                                "passed on to tenants in affordable housing and that favor "
                                "contractors with registered apprenticeship programs.</p>"
                            ),
                            "lessons": [
                                (
                                    "Bringing labor, tenant and environmental groups together "
                                    "early avoids later conflict"
                                ),
                                (
                                    "Long phase-ins give owners time to plan and workforce "
                                    "programs time to grow"
                                ),
                            ],
                        },
                    ),
                    (
                        "reading",
                        {
                            "title": "Labor Standards in Climate Investments",
                            "source": "Civic Futures Policy Lab",
                            "url": (
                                "https://civicfutures.example.org/briefs/labor-standards-climate"
                            ),
                            "document": None,
                            "note": (
                                "Summarizes common labor provisions, including project labor "
                                "agreements and apprenticeship requirements, and their legal "
                                "considerations."
                            ),
                            "estimated_minutes": 25,
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Add standards to one climate project",
                            "duration_minutes": 35,
                            "instructions": (
                                "<ol><li>Choose a climate or resilience project in your "
                                "jurisdiction's pipeline.</li><li>Identify any labor standards and "
                                "tenant protections already attached to it.</li><li>Consult a "
                                "building trades council and a tenant organization about what they "
                                "would add.</li><li>Draft an amendment or resolution that reflects "
                                "their input.</li></ol>"
                            ),
                            "deliverable": (
                                "A draft amendment adding labor and tenant standards to one "
                                "climate project"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Coordinating Across Jurisdictions",
                "slug": "coordinating-across-jurisdictions",
                "intro": (
                    "How officials in different places can share model policy, pool purchasing "
                    "power and back each other against preemption."
                ),
                "estimated_minutes": 45,
                "required": True,
                "authors": ["governance-academy", "civic-futures-lab"],
                "body": [
                    (
                        "text",
                        (
                            "<p>No single city or county can solve climate change, but networks of "
                            "local governments can shift markets and change state politics. Joint "
                            "purchasing of electric vehicles, shared model codes and coordinated "
                            "campaigns for state policy all show how officials acting together can "
                            "achieve more than any one jurisdiction could alone.</p>"
                        ),
                    ),
                    (
                        "case_study",
                        {
                            "title": "A regional partnership anchored by a tribal nation",
                            "jurisdiction": "A tribal nation and neighboring rural towns",
                            "jurisdiction_type": "tribal",
                            "state": "WI",
                            "year": 2021,
                            "summary": (
                                "<p>A tribal nation with its own energy planning staff and solar "
                                "projects formed a partnership with neighboring rural towns and "
                                "their county to share technical expertise, apply jointly for "
                                "federal clean energy grants and coordinate emergency planning for "
                                "floods and storms. The tribe's experience made it the natural "
                                "anchor of the partnership.</p>"
                            ),
                            "lessons": [
                                (
                                    "Tribal nations are sovereign governments and can lead "
                                    "regional climate work"
                                ),
                                (
                                    "Pooling grant-writing capacity helps small jurisdictions "
                                    "compete for funding"
                                ),
                                (
                                    "Written agreements survive staff and leadership changes "
                                    "better than informal ones"
                                ),
                            ],
                        },
                    ),
                    (
                        "discussion_prompt",
                        {
                            "question": (
                                "Which neighboring jurisdiction would you most like to coordinate "
                                "with, and what is standing in the way?"
                            ),
                            "guidance": (
                                "Help participants name specific first steps: a joint work "
                                "session, a shared resolution or a meeting between staff."
                            ),
                        },
                    ),
                    (
                        "activity",
                        {
                            "title": "Draft a joint resolution",
                            "duration_minutes": 40,
                            "instructions": (
                                "<ol><li>Pick one climate policy you want to "
                                "advance.</li><li>Identify two or three officials in other "
                                "jurisdictions who share the goal.</li><li>Draft a short "
                                "resolution each body could adopt in similar form.</li><li>Agree "
                                "on a timeline for introduction and a plan for shared "
                                "communications.</li></ol>"
                            ),
                            "deliverable": (
                                "A draft joint resolution and a list of partner officials"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "style": "info",
                            "title": "Use the network",
                            "text": (
                                "<p>The academy's member directory lists officials by state and "
                                "issue area. Use it to find peers who are already working on the "
                                "policy you care about.</p>"
                            ),
                        },
                    ),
                    (
                        "video",
                        {
                            "url": "https://vimeo.com/803347216",
                            "title": "Acting together: lessons from cross-jurisdiction campaigns",
                            "duration_minutes": 9,
                            "transcript": (
                                "<p>Officials from a large city, a suburban county and a small "
                                "town describe how they coordinated votes on a shared clean energy "
                                "goal, and how acting together helped each of them answer the "
                                "charge that their community was going it alone.</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
]

# Demo users (the password is set in academy.demo). Officials have no organisation.
PEOPLE = [
    {
        "email": "staff@academy.example.org",
        "role": "staff",
        "first_name": "Renata",
        "last_name": "Delgado",
        "preferred_name": "Renata",
        "pronouns": "she/her",
        "office_title": "Director of Learning",
        "jurisdiction_name": "",
        "jurisdiction_type": "",
        "state": "",
        "time_zone": "America/New_York",
        "organization": "governance-academy",
    },
    {
        "email": "facilitator@academy.example.org",
        "role": "facilitator",
        "first_name": "Marcus",
        "last_name": "Bell",
        "preferred_name": "Marcus",
        "pronouns": "he/him",
        "office_title": "Senior Facilitator",
        "jurisdiction_name": "",
        "jurisdiction_type": "",
        "state": "",
        "time_zone": "America/Chicago",
        "organization": "governance-academy",
    },
    {
        "email": "facilitator2@academy.example.org",
        "role": "facilitator",
        "first_name": "Soo-ah",
        "last_name": "Park",
        "preferred_name": "Soo-ah",
        "pronouns": "she/her",
        "office_title": "Facilitator",
        "jurisdiction_name": "",
        "jurisdiction_type": "",
        "state": "",
        "time_zone": "America/Los_Angeles",
        "organization": "governance-academy",
    },
    {
        "email": "author@commonground.example.org",
        "role": "partner_author",
        "first_name": "Elena",
        "last_name": "Márquez",
        "preferred_name": "Elena",
        "pronouns": "she/her",
        "office_title": "Curriculum Director",
        "jurisdiction_name": "",
        "jurisdiction_type": "",
        "state": "",
        "time_zone": "America/Denver",
        "organization": "commonground-institute",
    },
    {
        "email": "reviewer@commonground.example.org",
        "role": "partner_author",
        "first_name": "Patrick",
        "last_name": "O'Neill",
        "preferred_name": "Pat",
        "pronouns": "he/him",
        "office_title": "Training Manager",
        "jurisdiction_name": "",
        "jurisdiction_type": "",
        "state": "",
        "time_zone": "America/New_York",
        "organization": "commonground-institute",
    },
    {
        "email": "author@civicfutures.example.org",
        "role": "partner_author",
        "first_name": "Farah",
        "last_name": "Siddiqui",
        "preferred_name": "Farah",
        "pronouns": "she/her",
        "office_title": "Senior Policy Counsel",
        "jurisdiction_name": "",
        "jurisdiction_type": "",
        "state": "",
        "time_zone": "America/New_York",
        "organization": "civic-futures-lab",
    },
    {
        "email": "author@rootline.example.org",
        "role": "partner_author",
        "first_name": "Jamal",
        "last_name": "Carter",
        "preferred_name": "Jamal",
        "pronouns": "he/him",
        "office_title": "Organizing Director",
        "jurisdiction_name": "",
        "jurisdiction_type": "",
        "state": "",
        "time_zone": "America/Chicago",
        "organization": "rootline-alliance",
    },
    {
        "email": "official1@example.org",
        "role": "official",
        "first_name": "Marisol",
        "last_name": "Vega-Ortiz",
        "preferred_name": "Mari",
        "pronouns": "she/her",
        "office_title": "City Council Member, Ward 6",
        "jurisdiction_name": "City of Tucson",
        "jurisdiction_type": "city",
        "state": "AZ",
        "time_zone": "America/Phoenix",
        "organization": "",
    },
    {
        "email": "official2@example.org",
        "role": "official",
        "first_name": "DeShawn",
        "last_name": "Whitaker",
        "preferred_name": "DeShawn",
        "pronouns": "he/him",
        "office_title": "County Commissioner",
        "jurisdiction_name": "Durham County",
        "jurisdiction_type": "county",
        "state": "NC",
        "time_zone": "America/New_York",
        "organization": "",
    },
    {
        "email": "official3@example.org",
        "role": "official",
        "first_name": "Linh",
        "last_name": "Tran",
        "preferred_name": "Linh",
        "pronouns": "she/her",
        "office_title": "School Board Trustee, District 4",
        "jurisdiction_name": "Austin Independent School District",
        "jurisdiction_type": "school_board",
        "state": "TX",
        "time_zone": "America/Chicago",
        "organization": "",
    },
    {
        "email": "official4@example.org",
        "role": "official",
        "first_name": "Kalani",
        "last_name": "Akana",
        "preferred_name": "Kalani",
        "pronouns": "he/him",
        "office_title": "County Council Member, District 4",
        "jurisdiction_name": "Hawaiʻi County",
        "jurisdiction_type": "county",
        "state": "HI",
        "time_zone": "Pacific/Honolulu",
        "organization": "",
    },
    {
        "email": "official5@example.org",
        "role": "official",
        "first_name": "Rosa",
        "last_name": "Irizarry Colón",
        "preferred_name": "Rosa",
        "pronouns": "ella/she",
        "office_title": "Municipal Legislator",
        "jurisdiction_name": "Municipality of San Juan",
        "jurisdiction_type": "city",
        "state": "PR",
        "time_zone": "America/Puerto_Rico",
        "organization": "",
    },
    {
        "email": "official6@example.org",
        "role": "official",
        "first_name": "Aaron",
        "last_name": "Feldman",
        "preferred_name": "Aaron",
        "pronouns": "he/him",
        "office_title": "Township Commissioner, Ward 3",
        "jurisdiction_name": "Cheltenham Township",
        "jurisdiction_type": "township",
        "state": "PA",
        "time_zone": "America/New_York",
        "organization": "",
    },
    {
        "email": "official7@example.org",
        "role": "official",
        "first_name": "Wren",
        "last_name": "Halvorsen",
        "preferred_name": "Wren",
        "pronouns": "they/them",
        "office_title": "City Council Member, Ward 2",
        "jurisdiction_name": "City of Minneapolis",
        "jurisdiction_type": "city",
        "state": "MN",
        "time_zone": "America/Chicago",
        "organization": "",
    },
    {
        "email": "official8@example.org",
        "role": "official",
        "first_name": "Imani",
        "last_name": "Okafor",
        "preferred_name": "Imani",
        "pronouns": "she/her",
        "office_title": "Board of Education Member, District 3",
        "jurisdiction_name": "Atlanta Public Schools",
        "jurisdiction_type": "school_board",
        "state": "GA",
        "time_zone": "America/New_York",
        "organization": "",
    },
    {
        "email": "official9@example.org",
        "role": "official",
        "first_name": "Renee",
        "last_name": "Cloud",
        "preferred_name": "Renee",
        "pronouns": "she/her",
        "office_title": "Legislator, District 1",
        "jurisdiction_name": "Ho-Chunk Nation",
        "jurisdiction_type": "tribal",
        "state": "WI",
        "time_zone": "America/Chicago",
        "organization": "",
    },
    {
        "email": "official10@example.org",
        "role": "official",
        "first_name": "Tanner",
        "last_name": "Hicks",
        "preferred_name": "Tanner",
        "pronouns": "he/him",
        "office_title": "Tribal Councilor, District 5",
        "jurisdiction_name": "Cherokee Nation",
        "jurisdiction_type": "tribal",
        "state": "OK",
        "time_zone": "America/Chicago",
        "organization": "",
    },
    {
        "email": "official11@example.org",
        "role": "official",
        "first_name": "Priya",
        "last_name": "Raman",
        "preferred_name": "Priya",
        "pronouns": "she/her",
        "office_title": "County Supervisor, District 12",
        "jurisdiction_name": "Dane County",
        "jurisdiction_type": "county",
        "state": "WI",
        "time_zone": "America/Chicago",
        "organization": "",
    },
    {
        "email": "official12@example.org",
        "role": "official",
        "first_name": "Miguel Ángel",
        "last_name": "Santos",
        "preferred_name": "Miguel",
        "pronouns": "he/him",
        "office_title": "Port Commissioner, Position 2",
        "jurisdiction_name": "Port of Seattle",
        "jurisdiction_type": "other",
        "state": "WA",
        "time_zone": "America/Los_Angeles",
        "organization": "",
    },
    {
        "email": "official13@example.org",
        "role": "official",
        "first_name": "Tamika",
        "last_name": "Brooks",
        "preferred_name": "Tamika",
        "pronouns": "she/her",
        "office_title": "Advisory Neighborhood Commissioner, 5B04",
        "jurisdiction_name": "Advisory Neighborhood Commission 5B",
        "jurisdiction_type": "other",
        "state": "DC",
        "time_zone": "America/New_York",
        "organization": "",
    },
    {
        "email": "official14@example.org",
        "role": "official",
        "first_name": "Hannah",
        "last_name": "Whitcomb",
        "preferred_name": "Hannah",
        "pronouns": "she/her",
        "office_title": "City Councilor, Central District",
        "jurisdiction_name": "City of Burlington",
        "jurisdiction_type": "city",
        "state": "VT",
        "time_zone": "America/New_York",
        "organization": "",
    },
    {
        "email": "official15@example.org",
        "role": "official",
        "first_name": "Jordan",
        "last_name": "Kessler",
        "preferred_name": "Jordan",
        "pronouns": "he/they",
        "office_title": "Township Trustee",
        "jurisdiction_name": "Charter Township of Ypsilanti",
        "jurisdiction_type": "township",
        "state": "MI",
        "time_zone": "America/Detroit",
        "organization": "",
    },
    {
        "email": "official16@example.org",
        "role": "official",
        "first_name": "Ana Lucía",
        "last_name": "Mendoza",
        "preferred_name": "Ana",
        "pronouns": "she/her",
        "office_title": "Board of Education Member, District 3",
        "jurisdiction_name": "Denver Public Schools",
        "jurisdiction_type": "school_board",
        "state": "CO",
        "time_zone": "America/Denver",
        "organization": "",
    },
    {
        "email": "official17@example.org",
        "role": "official",
        "first_name": "Kwame",
        "last_name": "Asante",
        "preferred_name": "Kwame",
        "pronouns": "he/him",
        "office_title": "City Council Member, Ward 3",
        "jurisdiction_name": "City of Jackson",
        "jurisdiction_type": "city",
        "state": "MS",
        "time_zone": "America/Chicago",
        "organization": "",
    },
    {
        "email": "official18@example.org",
        "role": "official",
        "first_name": "Esperanza",
        "last_name": "Ruiz",
        "preferred_name": "Espe",
        "pronouns": "she/her",
        "office_title": "County Commissioner, District 2",
        "jurisdiction_name": "Bernalillo County",
        "jurisdiction_type": "county",
        "state": "NM",
        "time_zone": "America/Denver",
        "organization": "",
    },
    {
        "email": "official19@example.org",
        "role": "official",
        "first_name": "Thomas",
        "last_name": "Nakamura-Lee",
        "preferred_name": "Tom",
        "pronouns": "he/him",
        "office_title": "Board Director, Ward 5",
        "jurisdiction_name": "AC Transit District",
        "jurisdiction_type": "other",
        "state": "CA",
        "time_zone": "America/Los_Angeles",
        "organization": "",
    },
    {
        "email": "official20@example.org",
        "role": "official",
        "first_name": "Grace",
        "last_name": "Oyelaran",
        "preferred_name": "Grace",
        "pronouns": "she/her",
        "office_title": "County Legislator, District 7",
        "jurisdiction_name": "Erie County",
        "jurisdiction_type": "county",
        "state": "NY",
        "time_zone": "America/New_York",
        "organization": "",
    },
    {
        "email": "official21@example.org",
        "role": "official",
        "first_name": "Luis",
        "last_name": "Carranza",
        "preferred_name": "Luis",
        "pronouns": "he/him",
        "office_title": "Village Trustee",
        "jurisdiction_name": "Village of Oak Park",
        "jurisdiction_type": "township",
        "state": "IL",
        "time_zone": "America/Chicago",
        "organization": "",
    },
    {
        "email": "official22@example.org",
        "role": "official",
        "first_name": "Maya",
        "last_name": "Goldberg-Reyes",
        "preferred_name": "Maya",
        "pronouns": "she/her",
        "office_title": "School Committee Member, Ward 4",
        "jurisdiction_name": "Somerville Public Schools",
        "jurisdiction_type": "school_board",
        "state": "MA",
        "time_zone": "America/New_York",
        "organization": "",
    },
    {
        "email": "official23@example.org",
        "role": "official",
        "first_name": "Bilal",
        "last_name": "Haddad",
        "preferred_name": "Bilal",
        "pronouns": "he/him",
        "office_title": "City Councilor, District 2",
        "jurisdiction_name": "City of Portland",
        "jurisdiction_type": "city",
        "state": "OR",
        "time_zone": "America/Los_Angeles",
        "organization": "",
    },
    {
        "email": "official24@example.org",
        "role": "official",
        "first_name": "Nadia",
        "last_name": "Kowalczyk",
        "preferred_name": "Nadia",
        "pronouns": "she/her",
        "office_title": "Assembly Member, District 4",
        "jurisdiction_name": "Municipality of Anchorage",
        "jurisdiction_type": "city",
        "state": "AK",
        "time_zone": "America/Anchorage",
        "organization": "",
    },
]

HOME = {
    "title": "Progressive Governance Academy",
    "hero_heading": "Govern as an organizer",
    "hero_text": (
        "Practical, peer-led courses for council members, county commissioners, school board "
        "members and other local officials. Learn with colleagues from across the country how to "
        "build lasting power with the communities you serve."
    ),
    "intro": (
        "<p>The academy brings together officials from big cities, rural counties, school "
        "districts, townships and tribal nations who share a commitment to racial and economic "
        "justice. Courses are written with partner organizations that bring <b>organizing</b>, "
        "<b>legal</b> and <b>policy</b> expertise, and every module ends with something you can "
        "use in your own jurisdiction the following week.</p><p>New to the academy? Start with "
        "<b>Governing as an Organizer: Foundations</b>, then choose the policy courses that fit "
        "your agenda.</p>"
    ),
}

CATALOG = {
    "title": "Course catalog",
    "intro": (
        "<p>Browse courses by pillar, policy area or format. Self-paced courses can be started at "
        "any time; live online, in-person and hybrid courses run in cohorts led by academy "
        "facilitators. Each course lists its partner co-authors, estimated hours and the outcomes "
        "you can expect.</p>"
    ),
}
