package io.sfinbound.transformer.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.sfinbound.common.job.ParticipantMode;
import io.sfinbound.common.record.Conversation;
import io.sfinbound.common.record.ParticipantType;
import io.sfinbound.transform.mapping.SalesforceValues;
import io.sfinbound.transform.job.TransformException;

/**
 * Turns a {@code LiveChatTranscript} record into a {@link Conversation}: participants typed by the job's
 * identification mode, turns with absolute timestamps (the chat's start plus each line's offset). The start is the
 * Body's {@code Chat Started} header, else the record's {@code StartTime}, {@code RequestTime} or {@code CreatedDate}.
 * System lines belong to the participant {@code system} of type BOT.
 */
public final class LiveChatConversations {

    /** Participant id of system lines (transfers, file transfers). */
    public static final String SYSTEM_ID = "system";

    private final LiveChatBodyParser parser = new LiveChatBodyParser();

    /** Builds the conversation of a record; throws MALFORMED_TRANSCRIPT when the Body is not a chat transcript. */
    public Conversation build(JsonNode record, ParticipantMode mode) {
        JsonNode body = record.get("Body");
        if (body == null) {
            throw new TransformException(TransformException.FIELD_NOT_FOUND,
                    "a live chat record needs its Body: add Body to the SOQL");
        }
        if (!body.isNull() && !body.isTextual()) {
            throw new TransformException(TransformException.MALFORMED_TRANSCRIPT,
                    "Body is a " + body.getNodeType() + ", not text");
        }
        String html = body.isNull() ? null : body.textValue();
        ParsedTranscript transcript = parser.parse(html);
        if (transcript.headerLines() == 0 && transcript.lines().stream().allMatch(ChatLine::isSystem)
                && !transcript.lines().isEmpty()) {
            throw new TransformException(TransformException.MALFORMED_TRANSCRIPT,
                    "Body has no chat header and no line of the form '( 10s ) Name: text'");
        }
        Instant start = transcript.started();
        if (start == null) {
            start = firstInstant(record, "StartTime", "RequestTime", "CreatedDate");
        }
        List<String> speakers = new ArrayList<>();
        for (ChatLine line : transcript.lines()) {
            if (!line.isSystem() && !speakers.contains(line.speaker())) {
                speakers.add(line.speaker());
            }
        }
        Map<String, ParticipantType> types = ParticipantIdentifier.identify(speakers, transcript, record, mode);
        Map<String, String> ids = new LinkedHashMap<>();
        List<Conversation.Participant> participants = new ArrayList<>();
        List<Conversation.Turn> turns = new ArrayList<>();
        long lastOffset = 0;
        int speakerCount = 0;
        for (ChatLine line : transcript.lines()) {
            String id;
            if (line.isSystem()) {
                id = SYSTEM_ID;
                if (!ids.containsKey(null)) {
                    ids.put(null, id);
                    participants.add(new Conversation.Participant(id, "System", ParticipantType.BOT));
                }
            } else {
                id = ids.get(line.speaker());
                if (id == null) {
                    id = "p" + (++speakerCount);
                    ids.put(line.speaker(), id);
                    participants.add(new Conversation.Participant(id, line.speaker(), types.get(line.speaker())));
                }
                lastOffset = line.offsetSeconds();
            }
            // System lines carry no offset of their own: they happened at the previous message's time.
            Instant at = start == null ? null : start.plusSeconds(line.isSystem() ? lastOffset : line.offsetSeconds());
            turns.add(new Conversation.Turn(turns.size(), id, at, line.text()));
        }
        return new Conversation(List.copyOf(participants), List.copyOf(turns));
    }

    private static Instant firstInstant(JsonNode record, String... fields) {
        for (String f : fields) {
            var i = SalesforceValues.instant(record.get(f));
            if (i.isPresent()) {
                return i.get();
            }
        }
        return null;
    }
}
