package io.sfinbound.transformer.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.sfinbound.common.job.ParticipantMode;
import io.sfinbound.common.record.ParticipantType;
import io.sfinbound.transform.mapping.SalesforceValues;

/**
 * Types the speakers of a live chat by the job's identification mode.
 * <ul>
 * <li>{@code FIRST_IS_AGENT}: the first speaker is the agent, the second the customer, later ones (transfers) agents.</li>
 * <li>{@code FIRST_IS_CUSTOMER}: the first speaker is the customer, every other speaker an agent.</li>
 * <li>{@code AUTO_DETECT}: evidence first: visitor names ({@code Visitor} and its translations) and the record's
 *     contact, lead, account or supplied name are customers; chatbot names (and the transfer source of a chatbot
 *     session) are bots; {@code Agent <name>} header lines, transfer targets and the record's owner are agents.
 *     Without evidence the first speaker is the agent (a Salesforce chat starts when the agent accepts it); then a
 *     single remaining speaker completes the missing side; anyone else is unknown.</li>
 * </ul>
 */
public final class ParticipantIdentifier {

    private static final Set<String> VISITOR_NAMES = Set.of("visitor", "visitante", "visiteur", "besucher",
            "visitatore", "customer", "cliente", "client", "kunde", "guest", "invitado", "invité");
    private static final Pattern BOT_NAME = Pattern.compile(
            "(?iu)(?:^|[^\\p{L}])(?:chat ?bot|bot|virtual assistant|assistant virtuel|asistente virtual|einstein bot)(?:$|[^\\p{L}])"
                    + "|(?u)\\p{Ll}Bot$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final List<String> CUSTOMER_NAME_PATHS = List.of("Contact.Name", "Lead.Name", "Account.Name",
            "LiveChatVisitor.Name", "SuppliedName", "VisitorName__c");
    private static final List<String> OWNER_NAME_PATHS = List.of("Owner.Name", "CreatedBy.Name");

    private ParticipantIdentifier() {
    }

    /**
     * Types each speaker.
     *
     * @param speakers   distinct speaker names in order of first appearance
     * @param transcript header facts (agent names, transfers)
     * @param record     the normalized record (owner, contact, chatbot flag)
     * @param mode       the job's identification mode ({@code null} means auto-detect)
     * @return speaker name to type, in the order of {@code speakers}
     */
    public static Map<String, ParticipantType> identify(List<String> speakers, ParsedTranscript transcript,
            JsonNode record, ParticipantMode mode) {
        Map<String, ParticipantType> types = new LinkedHashMap<>();
        ParticipantMode m = mode == null ? ParticipantMode.AUTO_DETECT : mode;
        switch (m) {
            case FIRST_IS_AGENT -> {
                for (int i = 0; i < speakers.size(); i++) {
                    types.put(speakers.get(i), i == 1 ? ParticipantType.CLIENT : ParticipantType.AGENT);
                }
            }
            case FIRST_IS_CUSTOMER -> {
                for (int i = 0; i < speakers.size(); i++) {
                    types.put(speakers.get(i), i == 0 ? ParticipantType.CLIENT : ParticipantType.AGENT);
                }
            }
            default -> autoDetect(speakers, transcript, record, types);
        }
        return types;
    }

    private static void autoDetect(List<String> speakers, ParsedTranscript transcript, JsonNode record,
            Map<String, ParticipantType> types) {
        Set<String> customerNames = namesAt(record, CUSTOMER_NAME_PATHS);
        Set<String> ownerNames = namesAt(record, OWNER_NAME_PATHS);
        boolean chatbotSession = record != null && record.path("IsChatbotSession").asBoolean(false);
        String botTransferSource = chatbotSession && !transcript.transferNames().isEmpty()
                ? norm(transcript.transferNames().get(0)) : null;
        Set<String> agentNames = new java.util.HashSet<>();
        transcript.agentNames().forEach(n -> agentNames.add(norm(n)));
        for (int i = 1; i < transcript.transferNames().size(); i += 2) {
            agentNames.add(norm(transcript.transferNames().get(i)));
        }
        for (String speaker : speakers) {
            String n = norm(speaker);
            ParticipantType type;
            if (VISITOR_NAMES.contains(n) || customerNames.contains(n)) {
                type = ParticipantType.CLIENT;
            } else if (BOT_NAME.matcher(speaker).find() || n.equals(botTransferSource)) {
                type = ParticipantType.BOT;
            } else if (agentNames.contains(n) || ownerNames.contains(n) || firstNameOfAny(n, agentNames)) {
                type = ParticipantType.AGENT;
            } else {
                type = null;
            }
            types.put(speaker, type);
        }
        List<String> unresolved = new ArrayList<>();
        types.forEach((s, t) -> {
            if (t == null) {
                unresolved.add(s);
            }
        });
        boolean hasClient = types.containsValue(ParticipantType.CLIENT);
        boolean hasStaff = types.containsValue(ParticipantType.AGENT) || types.containsValue(ParticipantType.BOT);
        if (!hasClient && !hasStaff && !unresolved.isEmpty()) {
            types.put(unresolved.remove(0), ParticipantType.AGENT);
            hasStaff = true;
        }
        if (!hasClient && unresolved.size() == 1) {
            types.put(unresolved.remove(0), ParticipantType.CLIENT);
        } else if (hasClient && !hasStaff && unresolved.size() == 1) {
            types.put(unresolved.remove(0), ParticipantType.AGENT);
        }
        unresolved.forEach(s -> types.put(s, ParticipantType.UNKNOWN));
    }

    /** "Royalle" matches the header's "Royalle G": agents often show a shorter display name than the header. */
    private static boolean firstNameOfAny(String name, Set<String> agentNames) {
        for (String a : agentNames) {
            if (a.startsWith(name + " ") || name.startsWith(a + " ")) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> namesAt(JsonNode record, List<String> paths) {
        Set<String> names = new java.util.HashSet<>();
        if (record == null) {
            return names;
        }
        for (String path : paths) {
            JsonNode node = record;
            for (String segment : path.split("\\.")) {
                node = node == null ? null : node.get(segment);
            }
            String text = SalesforceValues.text(node);
            if (text != null && !text.isBlank()) {
                names.add(norm(text));
            }
        }
        return names;
    }

    private static String norm(String name) {
        return SPACES.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
