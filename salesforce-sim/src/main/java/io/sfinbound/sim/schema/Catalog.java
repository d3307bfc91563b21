package io.sfinbound.sim.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The objects the simulator serves, with Salesforce's field names, types, lengths and relationships (from the object
 * reference; see {@code ../shared/reference/salesforce-api.md} section 7). Immutable and shared.
 */
public final class Catalog {

    public static final String USER = "User";
    public static final String ACCOUNT = "Account";
    public static final String CONTACT = "Contact";
    public static final String CASE = "Case";
    public static final String TRANSCRIPT = "LiveChatTranscript";
    public static final String TRANSCRIPT_EVENT = "LiveChatTranscriptEvent";
    public static final String END_USER = "MessagingEndUser";
    public static final String SESSION = "MessagingSession";
    public static final String ENTRY = "ConversationEntry";
    public static final String SURVEY_RESPONSE = "SurveyResponse";
    public static final String QUESTION_RESPONSE = "SurveyQuestionResponse";
    public static final String FEEDBACK = "Feedback__c";

    private static final Catalog INSTANCE = build();

    private final Map<String, ObjectDef> byLowerName;

    private Catalog(List<ObjectDef> objects) {
        Map<String, ObjectDef> m = new LinkedHashMap<>();
        objects.forEach(o -> m.put(o.name().toLowerCase(Locale.ROOT), o));
        this.byLowerName = m;
    }

    /** The catalog. */
    public static Catalog get() {
        return INSTANCE;
    }

    /** The object of this name, case-insensitive. */
    public Optional<ObjectDef> object(String name) {
        return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The object of this name; it must exist. */
    public ObjectDef require(String name) {
        return object(name).orElseThrow(() -> new IllegalArgumentException("unknown object " + name));
    }

    /** All objects in a stable order. */
    public Collection<ObjectDef> objects() {
        return byLowerName.values();
    }

    /** The object whose ids start with this key prefix. */
    public Optional<ObjectDef> byKeyPrefix(String prefix) {
        return byLowerName.values().stream().filter(o -> o.keyPrefix().equals(prefix)).findFirst();
    }

    private static Catalog build() {
        List<ObjectDef> objects = new ArrayList<>();
        objects.add(new B(USER, "User", "Users", "005").id()
                .str("Username", 80).str("LastName", 80).str("FirstName", 40).name("Full Name", 121, false)
                .str("Alias", 8).email("Email").str("Title", 80).str("Department", 80)
                .bool("IsActive").pick("UserType", "Standard", "AutomatedProcess", "CsnOnly")
                .pick("TimeZoneSidKey", "America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Paris", "Asia/Tokyo", "GMT")
                .pick("LanguageLocaleKey", "en_US", "fr", "de", "es", "ja", "pt_BR")
                .system(false).build());
        objects.add(new B(ACCOUNT, "Account", "Accounts", "001").id().isDeleted()
                .name("Account Name", 255, false).pick("Type", "Customer - Direct", "Customer - Channel", "Prospect", "Partner", "Other")
                .pick("Industry", "Banking", "Retail", "Telecommunications", "Healthcare", "Technology", "Travel", "Insurance")
                .str("BillingCity", 40).str("BillingCountry", 80).phone("Phone").url("Website")
                .intField("NumberOfEmployees").currency("AnnualRevenue").owner().system(true).build());
        objects.add(new B(CONTACT, "Contact", "Contacts", "003").id().isDeleted()
                .ref("AccountId", "Account", ACCOUNT).str("LastName", 80).str("FirstName", 40).name("Full Name", 121, false)
                .email("Email").phone("Phone").phone("MobilePhone").str("MailingCity", 40).str("MailingCountry", 80)
                .str("Title", 128).pick("LeadSource", "Web", "Phone Inquiry", "Partner Referral", "Other").owner().system(true).build());
        objects.add(new B(CASE, "Case", "Cases", "500").id().isDeleted()
                .autoName("CaseNumber", "Case Number", 30).ref("ContactId", "Contact", CONTACT).ref("AccountId", "Account", ACCOUNT)
                .str("SuppliedName", 80).email("SuppliedEmail").str("Subject", 255).text("Description", 32000)
                .pick("Status", "New", "Working", "Escalated", "Closed")
                .pick("Origin", "Phone", "Email", "Web", "Chat", "SMS")
                .pick("Priority", "High", "Medium", "Low")
                .pick("Reason", "Installation", "Equipment Complexity", "Performance", "Breakdown", "Equipment Design", "Feedback", "Other")
                .pick("Type", "Mechanical", "Electrical", "Electronic", "Structural", "Other")
                .bool("IsClosed").dateTime("ClosedDate").bool("IsEscalated").owner().system(true).build());
        objects.add(new B(TRANSCRIPT, "Live Chat Transcript", "Live Chat Transcripts", "570").id().isDeleted()
                .autoName("Name", "Chat Transcript Name", 80).owner()
                .ref("LiveChatVisitorId", "LiveChatVisitor", "LiveChatVisitor").html("Body", 131072)
                .ref("ContactId", "Contact", CONTACT).ref("CaseId", "Case", CASE).ref("AccountId", "Account", ACCOUNT)
                .ref("LiveChatDeploymentId", "LiveChatDeployment", "LiveChatDeployment")
                .ref("LiveChatButtonId", "LiveChatButton", "LiveChatButton").ref("SkillId", "Skill", "Skill")
                .str("IpAddress", 39).str("Location", 255).text("UserAgent", 1000).str("Browser", 255)
                .str("BrowserLanguage", 255).str("Platform", 255).str("ScreenResolution", 255).url("ReferrerUri")
                .dateTime("RequestTime").dateTime("StartTime").dateTime("EndTime").pick("EndedBy", "Agent", "System", "Visitor")
                .intField("ChatDuration").intField("WaitTime")
                .pick("Status", "Waiting", "InProgress", "Completed", "Missed", "Dropped", "Blocked")
                .intField("AverageResponseTimeVisitor").intField("AverageResponseTimeOperator")
                .intField("OperatorMessageCount").intField("VisitorMessageCount")
                .intField("MaxResponseTimeVisitor").intField("MaxResponseTimeOperator")
                .str("ChatKey", 200).bool("IsChatbotSession").intField("Abandoned")
                .system(true).build());
        objects.add(new B(TRANSCRIPT_EVENT, "Live Chat Transcript Event", "Live Chat Transcript Events", "0Lr").id().isDeleted()
                .autoName("Name", "Live Chat Transcript Event Name", 80)
                .ref("LiveChatTranscriptId", "LiveChatTranscript", TRANSCRIPT)
                .pick("Type", "ChatRequest", "Enqueue", "PushAssignment", "Accept", "Transfer", "TransferRequest",
                        "ChatResumedAfterTransfer", "EndAgent", "EndVisitor", "ChatbotEndChat", "LeaveAgent", "Other")
                .dateTime("Time").ref("AgentId", "Agent", USER).str("Detail", 255).system(true).build());
        objects.add(new B(END_USER, "Messaging User", "Messaging Users", "0PA").id().isDeleted()
                .name("Messaging User Name", 255, false).ref("MessagingChannelId", "MessagingChannel", "MessagingChannel")
                .str("MessagingPlatformKey", 255).pick("MessageType", "Text", "Facebook", "WhatsApp", "EmbeddedMessaging")
                .ref("ContactId", "Contact", CONTACT).ref("AccountId", "Account", ACCOUNT)
                .bool("IsOptedOut").bool("IsFullyOptedIn")
                .pick("MessagingConsentStatus", "ImplicitlyOptedIn", "ExplicitlyOptedIn", "OptedOut")
                .str("Locale", 40).str("IsoCountryCode", 2).owner().system(true).build());
        objects.add(new B(SESSION, "Messaging Session", "Messaging Sessions", "0Mw").id().isDeleted()
                .autoName("Name", "Messaging Session Name", 255).ref("MessagingEndUserId", "MessagingEndUser", END_USER)
                .ref("MessagingChannelId", "MessagingChannel", "MessagingChannel")
                .pick("ChannelType", "Text", "Facebook", "WhatsApp", "EmbeddedMessaging")
                .str("ChannelName", 255).str("ChannelKey", 255)
                .pick("Status", "New", "Waiting", "Active", "Paused", "Inactive", "Ended", "Error")
                .dateTime("StartTime").dateTime("AcceptTime").dateTime("EndTime")
                .ref("CaseId", "Case", CASE).pick("AgentType", "Agent", "Bot", "BotToAgent", "System")
                .str("EndUserLanguage", 40).intField("EndUserMessageCount").intField("AgentMessageCount")
                .pick("EndedByType", "Agent", "EndUser", "System", "Bot")
                .pick("Origin", "InboundInitiated", "OutboundInitiated", "TriggeredOutbound")
                .owner().system(true).build());
        objects.add(new B(ENTRY, "Conversation Entry", "Conversation Entries", "0XC").id().isDeleted()
                .ref("ConversationId", "Conversation", SESSION)
                .pick("ActorType", "Agent", "Bot", "EndUser", "Supervisor", "System").str("ActorName", 650)
                .ref("ActorId", "Actor", USER, END_USER)
                .pick("EntryType", "Text", "BotEscalated", "ChatbotEstablished", "EndUserOptedIn", "AgentJoined", "AgentLeft", "Transfer")
                .text("Message", 32000).dateTime("EntryTime").intField("EntryTimeMilliSecs").intField("Seq")
                .bool("HasAttachments").pick("MessageStatus", "Sent", "Delivered", "Read", "Error")
                .system(true).build());
        objects.add(new B(SURVEY_RESPONSE, "Survey Response", "Survey Responses", "0Ou").id().isDeleted()
                .autoName("Name", "Survey Response Name", 255).ref("SurveyId", "Survey", "Survey")
                .ref("SurveyVersionId", "SurveyVersion", "SurveyVersion").ref("InvitationId", "Invitation", "SurveyInvitation")
                .ref("SubmitterId", "Submitter", CONTACT).pick("Status", "Completed", "Started")
                .dateTime("CompletionDateTime").str("Language", 40).str("IpAddress", 39).str("Location", 255)
                .owner().system(true).build());
        objects.add(new B(QUESTION_RESPONSE, "Survey Question Response", "Survey Question Responses", "0Oy").id().isDeleted()
                .autoName("Name", "Survey Question Response Name", 255)
                .ref("ResponseId", "Response", SURVEY_RESPONSE).ref("QuestionId", "Question", "SurveyQuestion")
                .ref("QuestionChoiceId", "QuestionChoice", "SurveyQuestionChoice")
                .ref("SurveyVersionId", "SurveyVersion", "SurveyVersion").ref("InvitationId", "Invitation", "SurveyInvitation")
                .pick("Datatype", "Boolean", "Date", "Double", "Int", "Number", "String")
                .text("ChoiceValue", 32000).intField("NumberValue").str("ResponseShortText", 255).bool("IsTrueOrFalse")
                .date("DateValue").dateTime("DateTimeValue").system(true).build());
        objects.add(new B(FEEDBACK, "Feedback", "Feedback", "a0F").id().isDeleted()
                .autoName("Name", "Feedback Number", 80).owner()
                .customText("Comment__c", "Comment", 32768).customDouble("Rating__c", "Rating")
                .customPick("Channel__c", "Channel", "Web", "Email", "SMS", "Chat", "Phone", "In-App")
                .customPick("Language__c", "Language", "en", "fr", "de", "es", "ja", "pt")
                .customRef("Case__c", "Case", CASE).customRef("Contact__c", "Contact", CONTACT)
                .customDateTime("Submitted_At__c", "Submitted At").system(true).build());
        Catalog c = new Catalog(objects);
        c.link(TRANSCRIPT, TRANSCRIPT_EVENT, "LiveChatTranscriptId", "LiveChatTranscriptEvents");
        c.link(SESSION, ENTRY, "ConversationId", "ConversationEntries");
        c.link(SURVEY_RESPONSE, QUESTION_RESPONSE, "ResponseId", "SurveyQuestionResponses");
        c.link(CASE, TRANSCRIPT, "CaseId", "LiveChatTranscripts");
        c.link(CASE, SESSION, "CaseId", "MessagingSessions");
        c.link(CASE, FEEDBACK, "Case__c", "Feedback__r");
        c.link(ACCOUNT, CONTACT, "AccountId", "Contacts");
        c.link(ACCOUNT, CASE, "AccountId", "Cases");
        c.link(CONTACT, CASE, "ContactId", "Cases");
        return c;
    }

    private void link(String parent, String child, String field, String relationshipName) {
        require(parent).addChild(new ChildRelationship(child, field, relationshipName));
    }

    /** A small DSL for field lists. */
    private static final class B {
        private final String name;
        private final String label;
        private final String plural;
        private final String prefix;
        private final List<FieldDef> fields = new ArrayList<>();

        B(String name, String label, String plural, String prefix) {
            this.name = name;
            this.label = label;
            this.plural = plural;
            this.prefix = prefix;
        }

        private B add(String n, String l, FieldType t, int len, boolean nillable, boolean filterable, List<String> refTo,
                      String rel, List<String> picks, boolean auto, boolean nameField, boolean html) {
            fields.add(new FieldDef(n, l, t, len, nillable, filterable, filterable, refTo, rel, picks,
                    n.endsWith("__c"), auto, nameField, html));
            return this;
        }

        private static String label(String n) {
            String base = n.endsWith("Id") && n.length() > 2 ? n.substring(0, n.length() - 2) + " ID" : n;
            return base.replaceAll("([a-z])([A-Z])", "$1 $2").replace("__c", "").replace('_', ' ');
        }

        B id() {
            return add("Id", label + " ID", FieldType.ID, 18, false, true, List.of(), null, List.of(), false, false, false);
        }

        B isDeleted() {
            return bool("IsDeleted", "Deleted");
        }

        B name(String l, int len, boolean auto) {
            return add("Name", l, FieldType.STRING, len, false, true, List.of(), null, List.of(), auto, true, false);
        }

        B autoName(String n, String l, int len) {
            return add(n, l, FieldType.STRING, len, false, true, List.of(), null, List.of(), true, n.equals("Name") || n.equals("CaseNumber"), false);
        }

        B str(String n, int len) {
            return add(n, label(n), FieldType.STRING, len, true, true, List.of(), null, List.of(), false, false, false);
        }

        B text(String n, int len) {
            return add(n, label(n), FieldType.TEXTAREA, len, true, len <= 255, List.of(), null, List.of(), false, false, false);
        }

        B html(String n, int len) {
            return add(n, label(n), FieldType.TEXTAREA, len, true, false, List.of(), null, List.of(), false, false, true);
        }

        B email(String n) {
            return add(n, label(n), FieldType.EMAIL, 80, true, true, List.of(), null, List.of(), false, false, false);
        }

        B phone(String n) {
            return add(n, label(n), FieldType.PHONE, 40, true, true, List.of(), null, List.of(), false, false, false);
        }

        B url(String n) {
            return add(n, label(n), FieldType.URL, 255, true, true, List.of(), null, List.of(), false, false, false);
        }

        B pick(String n, String... values) {
            return add(n, label(n), FieldType.PICKLIST, 255, true, true, List.of(), null, List.of(values), false, false, false);
        }

        B bool(String n) {
            return bool(n, label(n));
        }

        B bool(String n, String l) {
            return add(n, l, FieldType.BOOLEAN, 0, false, true, List.of(), null, List.of(), false, false, false);
        }

        B intField(String n) {
            return add(n, label(n), FieldType.INT, 0, true, true, List.of(), null, List.of(), false, false, false);
        }

        B currency(String n) {
            return add(n, label(n), FieldType.CURRENCY, 0, true, true, List.of(), null, List.of(), false, false, false);
        }

        B date(String n) {
            return add(n, label(n), FieldType.DATE, 0, true, true, List.of(), null, List.of(), false, false, false);
        }

        B dateTime(String n) {
            return add(n, label(n), FieldType.DATETIME, 0, true, true, List.of(), null, List.of(), false, false, false);
        }

        B ref(String n, String rel, String... targets) {
            return add(n, label(n), FieldType.REFERENCE, 18, true, true, List.of(targets), rel, List.of(), false, false, false);
        }

        B owner() {
            fields.add(new FieldDef("OwnerId", "Owner ID", FieldType.REFERENCE, 18, false, true, true, List.of("Group", USER),
                    "Owner", List.of(), false, false, false, false));
            return this;
        }

        B customText(String n, String l, int len) {
            return add(n, l, FieldType.TEXTAREA, len, true, len <= 255, List.of(), null, List.of(), false, false, false);
        }

        B customDouble(String n, String l) {
            return add(n, l, FieldType.DOUBLE, 0, true, true, List.of(), null, List.of(), false, false, false);
        }

        B customPick(String n, String l, String... values) {
            return add(n, l, FieldType.PICKLIST, 255, true, true, List.of(), null, List.of(values), false, false, false);
        }

        B customRef(String n, String l, String target) {
            return add(n, l, FieldType.REFERENCE, 18, true, true, List.of(target), n.replace("__c", "__r"), List.of(), false, false, false);
        }

        B customDateTime(String n, String l) {
            return dateTimeLabelled(n, l);
        }

        private B dateTimeLabelled(String n, String l) {
            return add(n, l, FieldType.DATETIME, 0, true, true, List.of(), null, List.of(), false, false, false);
        }

        B system(boolean hasDeleted) {
            add("CreatedDate", "Created Date", FieldType.DATETIME, 0, false, true, List.of(), null, List.of(), false, false, false);
            ref("CreatedById", "CreatedBy", USER);
            add("LastModifiedDate", "Last Modified Date", FieldType.DATETIME, 0, false, true, List.of(), null, List.of(), false, false, false);
            ref("LastModifiedById", "LastModifiedBy", USER);
            add("SystemModstamp", "System Modstamp", FieldType.DATETIME, 0, false, true, List.of(), null, List.of(), false, false, false);
            return this;
        }

        ObjectDef build() {
            return new ObjectDef(name, label, plural, prefix, fields);
        }
    }
}
