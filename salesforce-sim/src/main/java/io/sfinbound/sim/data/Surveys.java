package io.sfinbound.sim.data;

import io.sfinbound.sim.schema.Catalog;

/** Generators of SurveyResponse, SurveyQuestionResponse and the custom Feedback__c. */
final class Surveys {

    /** The survey's questions, in order: type of answer. */
    static final String[] QUESTIONS = {"NPS", "Rating", "FreeText", "MultiChoice", "Boolean", "Date"};
    private static final String[] CHOICES = {"Price", "Speed of service", "Friendliness", "Product quality", "Website"};

    private Surveys() {
    }

    static final class Responses extends Generators.Base {
        Responses(DataStore store) {
            super(store);
        }

        @Override
        Object generate(SimRecord r, String f) {
            return switch (f) {
                case "Name" -> number(r.index(), 8);
                case "SurveyId" -> Ids.of("0Kd", 0);
                case "SurveyVersionId" -> Ids.of("0Kl", 0);
                case "InvitationId" -> Ids.of("0Ki", r.index());
                case "SubmitterId" -> pickId(Catalog.CONTACT, h(r, "submitter"));
                case "Status" -> "Completed";
                case "CompletionDateTime" -> r.created().minusSeconds(1 + Hash.below(h(r, "done"), 60));
                case "Language" -> Texts.language(h(r, "lang")).locale();
                case "IpAddress" -> "198.51.100." + Hash.below(h(r, "ip"), 254);
                case "Location" -> Texts.pick(Texts.CITY, h(r, "loc"));
                default -> null;
            };
        }
    }

    static final class QuestionResponses extends Generators.Base {
        QuestionResponses(DataStore store) {
            super(store);
        }

        @Override
        Object generate(SimRecord r, String f) {
            long parent = r.index() / r.space().slots();
            int m = (int) (r.index() % r.space().slots());
            String q = QUESTIONS[m];
            long hv = h(r, "value");
            return switch (f) {
                case "Name" -> "SQR-" + number(r.index(), 9);
                case "ResponseId" -> Ids.of(store.catalog().require(Catalog.SURVEY_RESPONSE).keyPrefix(), parent);
                case "QuestionId" -> Ids.of("0Kq", m);
                case "QuestionChoiceId" -> q.equals("MultiChoice") ? Ids.of("0Kc", Hash.below(hv, CHOICES.length)) : null;
                case "SurveyVersionId" -> Ids.of("0Kl", 0);
                case "InvitationId" -> Ids.of("0Ki", parent);
                case "Datatype" -> switch (q) {
                    case "NPS", "Rating" -> "Int";
                    case "Boolean" -> "Boolean";
                    case "Date" -> "Date";
                    default -> "String";
                };
                case "NumberValue" -> q.equals("NPS") ? Hash.below(hv, 11) : q.equals("Rating") ? 1 + Hash.below(hv, 5) : null;
                case "ResponseShortText" -> q.equals("FreeText") ? Texts.pick(Texts.language(h(r, "lang")).comments(), hv) : null;
                case "ChoiceValue" -> q.equals("MultiChoice") ? CHOICES[Hash.below(hv, CHOICES.length)] : null;
                case "IsTrueOrFalse" -> q.equals("Boolean") && Hash.below(hv, 3) > 0;
                case "DateValue" -> q.equals("Date") ? date(r.created()).minusDays(Hash.below(hv, 30)) : null;
                case "DateTimeValue" -> null;
                default -> null;
            };
        }

        @Override
        String owner(SimRecord r) {
            return null;
        }
    }

    static final class Feedback extends Generators.Base {
        private static final String[] CHANNELS = {"Web", "Email", "SMS", "Chat", "Phone", "In-App"};

        Feedback(DataStore store) {
            super(store);
        }

        @Override
        Object generate(SimRecord r, String f) {
            Texts.Language lang = Texts.language(h(r, "lang"));
            return switch (f) {
                case "Name" -> "F-" + number(r.index(), 6);
                case "Comment__c" -> {
                    int target = Math.max(40, r.space().settings().bodySize() / 8);
                    StringBuilder b = new StringBuilder();
                    int k = 0;
                    while (b.length() < target / 2 + Hash.below(h(r, "len"), target)) {
                        if (b.length() > 0) {
                            b.append(' ');
                        }
                        b.append(Texts.pick(lang.comments(), h(r, "c" + k++)));
                    }
                    yield b.toString();
                }
                case "Rating__c" -> (double) (1 + Hash.below(h(r, "rating"), 5));
                case "Channel__c" -> Texts.pick(CHANNELS, h(r, "channel"));
                case "Language__c" -> lang.code();
                case "Case__c" -> Hash.below(h(r, "hasCase"), 10) < 6 ? pickId(Catalog.CASE, h(r, "case")) : null;
                case "Contact__c" -> pickId(Catalog.CONTACT, h(r, "contact"));
                case "Submitted_At__c" -> r.created().minusSeconds(5 + Hash.below(h(r, "sub"), 600));
                default -> null;
            };
        }
    }
}
