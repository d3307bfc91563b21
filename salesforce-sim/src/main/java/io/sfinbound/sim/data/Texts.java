package io.sfinbound.sim.data;

import java.util.List;

/** Word banks for realistic generated text: names, companies, and chat phrases in several languages. */
final class Texts {

    private Texts() {
    }

    static final String[] FIRST = {"Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Mia", "James",
        "José", "María", "Zoë", "Søren", "Łukasz", "Chloé", "François", "Anaïs", "Jürgen", "Renée", "Mateo", "Lucía",
        "Hiroshi", "Yuki", "Aarav", "Priya", "Nguyễn", "Minh", "Fatima", "Omar", "Ingrid", "Björn", "Siobhán", "Eoin",
        "Kwame", "Amara", "Dmitri", "Olga", "Wei", "Mei"};
    static final String[] LAST = {"Smith", "Johnson", "Garcia", "Martínez", "Müller", "Dubois", "O'Brien", "Nakamura",
        "Tanaka", "Kowalski", "Rossi", "Silva", "Nguyen", "Patel", "Khan", "Andersson", "Jensen", "Novák", "Kim", "Lee",
        "Brown", "Taylor", "Wilson", "van der Berg", "D'Angelo", "Okafor", "Mensah", "Ivanova", "Chen", "Wang"};
    static final String[] COMPANY_A = {"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Cyberdyne",
        "Soylent", "Hooli", "Vandelay", "Wonka", "Nordwind", "Blue Sky", "Sirius", "Helios", "Polaris", "Atlas"};
    static final String[] COMPANY_B = {"Industries", "Corp.", "Telecom", "Bank", "Airlines", "Retail Group", "Insurance",
        "Health", "Energy", "Logistics", "& Sons", "GmbH", "S.A.", "K.K."};
    static final String[] CITY = {"San Francisco", "New York", "London", "Paris", "Berlin", "Madrid", "Tokyo", "São Paulo",
        "Sydney", "Toronto", "Dublin", "Amsterdam", "München", "Zürich", "Ho Chi Minh City", "Mumbai"};
    static final String[] COUNTRY = {"United States", "United States", "United Kingdom", "France", "Germany", "Spain",
        "Japan", "Brazil", "Australia", "Canada", "Ireland", "Netherlands", "Germany", "Switzerland", "Vietnam", "India"};
    static final String[] ISO = {"US", "US", "GB", "FR", "DE", "ES", "JP", "BR", "AU", "CA", "IE", "NL", "DE", "CH", "VN", "IN"};
    static final String[] DEPARTMENT = {"Support", "Customer Care", "Billing", "Technical Support", "Sales"};
    static final String[] BROWSER = {"Chrome 131.0", "Firefox 133.0", "Safari 18.1", "Edge 131.0", "Samsung Internet 26.0"};
    static final String[] PLATFORM = {"Windows 10", "Mac OSX", "iOS", "Android", "Linux"};
    static final String[] RESOLUTION = {"1920x1080", "1366x768", "2560x1440", "390x844", "412x915", "1440x900"};
    static final String[] SUBJECT = {"Cannot log in to my account", "Refund for order", "Router keeps disconnecting",
        "Billing discrepancy on last invoice", "Change of address", "Package not delivered", "App crashes on start",
        "Question about my plan", "Cancel subscription", "Damaged item received", "Password reset email not arriving",
        "Upgrade to premium", "Wrong charge on card", "Feedback about support"};

    /** One conversation language with its phrases. {@code %s} in a phrase is the agent's or visitor's first name. */
    record Language(String code, String locale, String origin, List<String> greetings, List<String> visitor,
                    List<String> agent, List<String> closings, List<String> visitorThanks, List<String> bot,
                    List<String> comments) {
    }

    static final List<Language> LANGUAGES = List.of(
        new Language("en", "en_US", "Live Chat Button",
            List.of("Hi, this is %s with customer support. I'll be happy to assist you today, how can I help?",
                "Hello! My name is %s. What can I do for you today?",
                "Good morning, you're chatting with %s. How may I help you?"),
            List.of("Hi, I can't log in to my account since yesterday 😕", "My order #%d hasn't arrived yet.",
                "I was charged twice for the same invoice & I'd like a refund.",
                "The router keeps dropping the connection every 10 minutes.", "yes", "ok thanks",
                "It says \"invalid password\" even though I reset it.", "Can you check if the <premium> plan includes roaming?",
                "still connected", "I already tried restarting it twice 🙄", "My email is visitor@example.com",
                "That's not what the agent told me last week...", "Great, that worked! 🎉", "How long will the refund take?"),
            List.of("Thank you for verifying. Let me look into that for you.", "I understand, I'm sorry for the trouble.",
                "Could you please confirm the email address on the account?",
                "I've reset the session on our side; please try again now.", "One moment please while I check your order.",
                "I can see the duplicate charge. I've issued a refund of $24.99 & it'll show in 3-5 business days.",
                "I'm transferring you to our billing team, they'll take it from here.",
                "Your ticket number is 00%d, in case you need to follow up."),
            List.of("Is there anything else I can help you with today?", "Thanks for chatting with us, have a great day!"),
            List.of("No that's all, thank you!", "Thanks a lot 👍", "that's it, bye"),
            List.of("Hi, I'm the virtual assistant 🤖. What can I help you with?",
                "I can help with orders, billing and account access. Please choose a topic.",
                "Let me connect you with an agent."),
            List.of("Agent was very helpful and quick.", "Waited too long before someone answered.",
                "Issue solved on the first contact, thanks!", "The app keeps crashing & nobody could explain why.",
                "Great service 😊", "Prices went up again without any notice.")),
        new Language("es", "es", "Chat Web ES",
            List.of("Hola, soy %s del equipo de soporte. ¿En qué puedo ayudarte?", "¡Buenos días! Te atiende %s."),
            List.of("Hola, no puedo acceder a mi cuenta 😟", "Mi pedido no ha llegado todavía.", "sí", "vale, gracias",
                "Me cobraron dos veces la factura.", "¿Cuánto tarda el reembolso?"),
            List.of("Gracias por la información, lo reviso ahora mismo.", "Lamento mucho las molestias.",
                "He solicitado el reembolso; lo verás en 3-5 días hábiles."),
            List.of("¿Hay algo más en lo que pueda ayudarte?", "¡Gracias por contactarnos, que tengas un buen día!"),
            List.of("No, eso es todo. ¡Gracias!", "Perfecto, gracias 👍"),
            List.of("Hola, soy el asistente virtual 🤖. ¿Sobre qué tema necesitas ayuda?", "Te paso con un agente."),
            List.of("Muy buena atención.", "Tardaron demasiado en responder.", "Problema resuelto, ¡gracias!")),
        new Language("fr", "fr", "Chat Web FR",
            List.of("Bonjour, je suis %s du service client. Comment puis-je vous aider ?", "Bonjour ! %s à votre écoute."),
            List.of("Bonjour, je n'arrive plus à me connecter à mon compte.", "Ma commande n'est toujours pas arrivée 😞",
                "oui", "d'accord, merci", "J'ai été débité deux fois."),
            List.of("Merci, je vérifie cela tout de suite.", "Je suis désolé(e) pour la gêne occasionnée.",
                "C'est corrigé, pouvez-vous réessayer ?"),
            List.of("Puis-je vous aider pour autre chose ?", "Merci de nous avoir contactés, bonne journée !"),
            List.of("Non, c'est tout, merci beaucoup !", "Merci 🙏"),
            List.of("Bonjour, je suis l'assistant virtuel 🤖.", "Je vous mets en relation avec un conseiller."),
            List.of("Conseiller très aimable.", "Attente beaucoup trop longue.", "Réponse claire et rapide.")),
        new Language("de", "de", "Chat Web DE",
            List.of("Hallo, hier ist %s vom Kundenservice. Wie kann ich helfen?", "Guten Tag, Sie sprechen mit %s."),
            List.of("Ich kann mich seit gestern nicht mehr anmelden.", "Meine Lieferung ist noch nicht da.", "ja",
                "ok, danke", "Die Rechnung ist doppelt abgebucht worden 😠"),
            List.of("Danke, ich schaue mir das gleich an.", "Das tut mir leid, ich kümmere mich darum.",
                "Die Gutschrift über 24,99 € ist veranlasst."),
            List.of("Kann ich sonst noch etwas für Sie tun?", "Vielen Dank für Ihre Nachricht und einen schönen Tag!"),
            List.of("Nein, das war alles. Danke!", "Super, danke 👍"),
            List.of("Hallo, ich bin der virtuelle Assistent 🤖.", "Ich verbinde Sie mit einem Mitarbeiter."),
            List.of("Sehr freundlich und kompetent.", "Viel zu lange Wartezeit.", "Problem schnell gelöst.")),
        new Language("ja", "ja", "Chat Web JP",
            List.of("お問い合わせありがとうございます。担当の%sです。", "こんにちは、%sが承ります。"),
            List.of("ログインできません。", "注文した商品がまだ届いていません 😢", "はい", "ありがとうございます"),
            List.of("確認いたしますので少々お待ちください。", "ご不便をおかけして申し訳ございません。"),
            List.of("他にご不明な点はございますか？", "ご利用ありがとうございました。"),
            List.of("いいえ、大丈夫です。ありがとうございました！"),
            List.of("バーチャルアシスタントです 🤖。ご用件をお選びください。", "担当者におつなぎします。"),
            List.of("丁寧な対応でした。", "待ち時間が長すぎました。")),
        new Language("vi", "vi", "Chat Web VN",
            List.of("Xin chào, tôi là %s. Tôi có thể giúp gì cho bạn?"),
            List.of("Tiếng Việt", "Tôi không đăng nhập được.", "vâng", "cảm ơn"),
            List.of("Cảm ơn bạn, tôi sẽ kiểm tra ngay.", "Xin lỗi vì sự bất tiện này."),
            List.of("Bạn còn cần hỗ trợ gì nữa không?"),
            List.of("Không, cảm ơn bạn!"),
            List.of("Xin chào, tôi là trợ lý ảo 🤖.", "Tôi sẽ chuyển bạn đến nhân viên hỗ trợ."),
            List.of("Nhân viên rất nhiệt tình.", "Phải chờ quá lâu.")));

    /** The phrase with its {@code %s} or {@code %d} placeholder replaced (much cheaper than String.format). */
    static String fill(String phrase, Object value) {
        int i = phrase.indexOf('%');
        if (i < 0 || i + 1 >= phrase.length()) {
            return phrase;
        }
        return phrase.substring(0, i) + value + phrase.substring(i + 2);
    }

    static <T> T pick(T[] a, long hash) {
        return a[Hash.below(hash, a.length)];
    }

    static <T> T pick(List<T> a, long hash) {
        return a.get(Hash.below(hash, a.size()));
    }

    /** The language of a conversation: mostly English, as in most orgs. */
    static Language language(long hash) {
        int p = Hash.below(hash, 100);
        int i = p < 60 ? 0 : p < 72 ? 1 : p < 82 ? 2 : p < 91 ? 3 : p < 96 ? 4 : 5;
        return LANGUAGES.get(i);
    }
}
