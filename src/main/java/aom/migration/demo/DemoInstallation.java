package aom.migration.demo;

import aom.migration.demo.MetadataBuilder.Attribute;
import aom.migration.demo.MetadataBuilder.ClassRef;
import aom.migration.demo.MetadataBuilder.ModuleRef;
import aom.migration.model.DatabaseNaming;
import aom.migration.model.SystemKind;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The sample installations of DESIGN.md section 8, written through the driver into any MongoDB-wire server.
 *
 * <p><b>Source</b>: {@code ConferenceApp} (dashed naming, LIVE/STAGING/TEST, a native module jar, a class
 * hierarchy across modules, a transitive module dependency, a class referencing a module the app does not declare,
 * a member id that points at no customer, GridFS images in LIVE), {@code ShopApp} (suffixed naming, LIVE and TEST,
 * two versions of one module), {@code FleetTracker} (only a LIVE database), the shared module {@code Basics} used
 * by all, customers who are members of two applications, two plans and an unused module.
 *
 * <p><b>Target</b>: an older {@code ConferenceApp} (older module versions, a class and a collection the source no
 * longer has, no TEST database), {@code HelpDesk}, which shares a module version with it and must survive every
 * import, its own {@code Basics} and plan {@code Free} under other ids, the customer {@code alice} under another id
 * and password, and a module whose id collides with a source module's id.
 */
public final class DemoInstallation {

    /** The applications of the demo source. */
    public static final List<String> SOURCE_APPLICATIONS = List.of("ConferenceApp", "FleetTracker", "ShopApp");
    /** The applications of the demo target. */
    public static final List<String> TARGET_APPLICATIONS = List.of("ConferenceApp", "HelpDesk");
    /** Password of every demo customer, so that the demo can be tried in ApiOmat afterwards. */
    public static final String DEMO_PASSWORD = "demo-password";

    private DemoInstallation() {
    }

    /** Writes the demo source installation. The server should be empty. */
    public static void writeSource(MongoClient client, DemoScale scale) {
        new Source(scale).write(client);
    }

    /** Writes the demo target installation. The server should be empty. */
    public static void writeTarget(MongoClient client, DemoScale scale) {
        new Target(scale).write(client);
    }

    private static Attribute attr(String name, String type) {
        return new Attribute(name, type, null, false, false);
    }

    private static Attribute indexed(String name, String type) {
        return new Attribute(name, type, null, false, true);
    }

    private static Attribute ref(String name, ClassRef target) {
        return new Attribute(name, "Reference", target, false, false);
    }

    private static Attribute refs(String name, ClassRef target) {
        return new Attribute(name, "Reference", target, true, false);
    }

    private static Map<SystemKind, List<ModuleRef>> used(List<ModuleRef> live, List<ModuleRef> staging,
                                                          List<ModuleRef> test) {
        Map<SystemKind, List<ModuleRef>> used = new EnumMap<>(SystemKind.class);
        used.put(SystemKind.LIVE, live);
        if (staging != null) {
            used.put(SystemKind.STAGING, staging);
        }
        if (test != null) {
            used.put(SystemKind.TEST, test);
        }
        return used;
    }

    /** The Basics module as every ApiOmat installation has it; ids differ per installation. */
    private static List<ClassRef> basicsClasses(MetadataBuilder meta, ModuleRef basics) {
        ClassRef user = meta.metaModel(basics, "User", null, indexed("userName", "String"),
                attr("email", "String"), attr("lastLogin", "Date"), attr("avatar", "Binary"));
        ClassRef role = meta.metaModel(basics, "Role", null, attr("name", "String"), refs("members", user));
        ClassRef token = meta.metaModel(basics, "Token", null, attr("value", "String"), attr("expiresAt", "Date"),
                ref("user", user));
        meta.metaModel(basics, "Session", null, true, attr("sessionToken", "String"));
        return List.of(user, role, token);
    }

    /** Writes one application's instance databases. */
    private static final class DataPlan {
        private final InstanceDataWriter writer;
        private final DemoScale scale;
        private final Map<String, List<IndexModel>> extraIndexes;

        DataPlan(InstanceDataWriter writer, DemoScale scale, Map<String, List<IndexModel>> extraIndexes) {
            this.writer = writer;
            this.scale = scale;
            this.extraIndexes = extraIndexes;
        }

        void write(MongoClient client, String app, DatabaseNaming naming, Set<SystemKind> systems,
                   List<ClassRef> classes) {
            // In enum order: Set.of iterates in an order that changes from JVM to JVM, and the seeded values
            // would follow it.
            for (SystemKind system : SystemKind.values()) {
                if (!systems.contains(system)) {
                    continue;
                }
                MongoDatabase database = client.getDatabase(naming.databaseName(app, system));
                int count = switch (system) {
                    case LIVE -> scale.documentsPerCollection();
                    case STAGING -> scale.documentsPerCollection() / 2;
                    case TEST -> scale.documentsPerCollection() / 4;
                };
                for (ClassRef type : classes) {
                    writer.write(database, app, type, count,
                            extraIndexes.getOrDefault(type.collectionName(), List.of()));
                }
            }
        }
    }

    private static final class Source {
        private final DemoScale scale;
        private final DemoIds ids;
        private final MetadataBuilder meta;

        Source(DemoScale scale) {
            this.scale = scale;
            this.ids = new DemoIds(scale.seed());
            this.meta = new MetadataBuilder(ids);
        }

        private ModuleRef basics;
        private ModuleRef geo;
        private ModuleRef core;
        private ModuleRef speakers;
        private ModuleRef shop3;
        private ModuleRef shop31;
        private ModuleRef fleet;

        /** Defines every metadata document; draws ids in a fixed order, so it must run exactly once, first. */
        Source defineMetadata() {
            ObjectId free = meta.plan("Free", 1, "0.00");
            ObjectId business = meta.plan("Business", 10, "499.00");

            ObjectId admin = meta.customer("apiomat-admin", "ApiOmat", "Admin", DEMO_PASSWORD);
            ObjectId alice = meta.customer("alice@conference.example", "Alice", "Adams", DEMO_PASSWORD);
            ObjectId bob = meta.customer("bob@shop.example", "Bob", "Baker", DEMO_PASSWORD);
            ObjectId carol = meta.customer("carol@fleet.example", "Carol", "Clark", DEMO_PASSWORD);
            ObjectId dave = meta.customer("dave@partner.example", "Dave", "Davis", DEMO_PASSWORD);
            ObjectId erin = meta.customer("erin@venues.example", "Erin", "Evans", DEMO_PASSWORD);
            ObjectId frank = meta.customer("frank@old.example", "Frank", "Foster", DEMO_PASSWORD);
            ObjectId deletedCustomer = ids.next();

            basics = meta.module("Basics", "1.0.0", admin, true);
            List<ClassRef> basicsClasses = basicsClasses(meta, basics);
            ClassRef user = basicsClasses.get(0);

            geo = meta.module("Geo", "1.0.0", alice, false, basics);
            ClassRef location = meta.metaModel(geo, "Location", null, attr("lat", "Double"),
                    attr("lon", "Double"), attr("label", "String"));

            ModuleRef venues = meta.module("Venues", "1.0.0", erin, false, basics);
            ClassRef room = meta.metaModel(venues, "Room", null, attr("name", "String"), attr("capacity", "Long"));

            core = meta.module("ConferenceCore", "2.1.0", alice, false, basics, geo);
            ClassRef person = meta.metaModel(core, "Person", user, attr("firstName", "String"),
                    attr("lastName", "String"), indexed("email", "String"));
            ClassRef conference = meta.metaModel(core, "Conference", null, attr("name", "String"),
                    attr("startsOn", "Date"), ref("venue", location));
            ClassRef session = meta.metaModel(core, "Session", null, attr("title", "String"),
                    attr("startsAt", "Date"), attr("track", "String"), ref("conference", conference),
                    ref("room", room));
            meta.nativeJar(core, 10);

            speakers = meta.module("Speakers", "1.3.0", alice, false, core);
            ClassRef speaker = meta.metaModel(speakers, "Speaker", person, attr("bio", "String"),
                    attr("twitterHandle", "String"));
            meta.metaModel(speakers, "Talk", null, ref("speaker", speaker), ref("session", session),
                    attr("abstractText", "String"), attr("rating", "Double"));

            shop3 = meta.module("Shop", "3.0.0", bob, false, basics);
            ClassRef product = meta.metaModel(shop3, "Product", null, indexed("sku", "String"),
                    attr("name", "String"), attr("price", "Decimal"));
            meta.metaModel(shop3, "Order", null, ref("customer", user), refs("items", product),
                    attr("total", "Decimal"), attr("placedAt", "Date"));
            shop31 = meta.module("Shop", "3.1.0", bob, false, basics);
            ClassRef product31 = meta.metaModel(shop31, "Product", null, indexed("sku", "String"),
                    attr("name", "String"), attr("price", "Decimal"), attr("stock", "Long"));
            meta.metaModel(shop31, "Order", null, ref("customer", user), refs("items", product31),
                    attr("total", "Decimal"), attr("placedAt", "Date"));
            meta.metaModel(shop31, "Coupon", null, attr("code", "String"), attr("discount", "Decimal"));

            fleet = meta.module("Fleet", "1.0.0", carol, false, basics, geo);
            ClassRef vehicle = meta.metaModel(fleet, "Vehicle", null, indexed("plate", "String"),
                    attr("model", "String"));
            meta.metaModel(fleet, "Trip", null, ref("vehicle", vehicle), ref("from", location),
                    ref("to", location), attr("startedAt", "Date"), attr("distanceKm", "Double"));

            ModuleRef legacy = meta.module("Legacy", "0.9.0", frank, false);
            meta.metaModel(legacy, "Fax", null, attr("number", "String"));

            List<ModuleRef> conferenceLive = List.of(basics, speakers);
            meta.application("ConferenceApp", "Conference App", alice, List.of(bob, dave, deletedCustomer),
                    business, used(conferenceLive, conferenceLive, List.of(basics, core, speakers)));
            meta.application("ShopApp", "Shop App", bob, List.of(carol), free,
                    used(List.of(basics, shop3), null, List.of(basics, shop31)));
            meta.application("FleetTracker", "Fleet Tracker", carol, List.of(dave), business,
                    used(List.of(basics, fleet), null, null));
            return this;
        }

        void write(MongoClient client) {
            defineMetadata();
            meta.writeTo(client.getDatabase("apiomat"));

            DataPlan data = new DataPlan(new InstanceDataWriter(ids, scale), scale, Map.of(
                    "ConferenceCore_Person", List.of(new IndexModel(new Document("email", 1),
                            new IndexOptions().unique(true).name("email_unique"))),
                    "ConferenceCore_Session", List.of(new IndexModel(
                            new Document("track", 1).append("startsAt", -1), new IndexOptions().name("track_time"))),
                    "Basics_Token", List.of(new IndexModel(new Document("expiresAt", 1),
                            new IndexOptions().expireAfter(3600L, TimeUnit.SECONDS).name("token_ttl"))),
                    "Speakers_Speaker", List.of(new IndexModel(new Document("twitterHandle", 1),
                            new IndexOptions().sparse(true).name("twitter_sparse"))),
                    "Shop_Product", List.of(new IndexModel(new Document("sku", 1),
                            new IndexOptions().unique(true).name("sku_unique")))));
            data.write(client, "ConferenceApp", DatabaseNaming.DASHED,
                    Set.of(SystemKind.LIVE, SystemKind.STAGING, SystemKind.TEST),
                    meta.storedClasses(List.of(basics, geo, core, speakers)));
            new InstanceDataWriter(ids, scale).gridFs(client.getDatabase("ConferenceApp"), "images", 4);
            data.write(client, "ShopApp", DatabaseNaming.SUFFIXED, Set.of(SystemKind.LIVE),
                    meta.storedClasses(List.of(basics, shop3)));
            data.write(client, "ShopApp", DatabaseNaming.SUFFIXED, Set.of(SystemKind.TEST),
                    meta.storedClasses(List.of(basics, shop31)));
            data.write(client, "FleetTracker", DatabaseNaming.DASHED, Set.of(SystemKind.LIVE),
                    meta.storedClasses(List.of(basics, geo, fleet)));
        }
    }

    /** The id the source gives module Speakers 1.3.0; the target reuses it for HelpDesk to force a collision. */
    static ObjectId sourceSpeakersModuleId(DemoScale scale) {
        return new Source(scale).defineMetadata().speakers.id();
    }

    private static final class Target {
        private final DemoScale scale;
        private final DemoIds ids;
        private final MetadataBuilder meta;

        Target(DemoScale scale) {
            this.scale = scale;
            this.ids = new DemoIds(scale.seed() + 1);
            this.meta = new MetadataBuilder(ids);
        }

        void write(MongoClient client) {
            ObjectId free = meta.plan("Free", 1, "0.00");
            ObjectId enterprise = meta.plan("Enterprise", 100, "1999.00");

            ObjectId admin = meta.customer("apiomat-admin", "ApiOmat", "Admin", "target-admin-password");
            ObjectId alice = meta.customer("alice@conference.example", "Alice", "Adams", "alice-target-password");
            ObjectId grace = meta.customer("grace@helpdesk.example", "Grace", "Green", DEMO_PASSWORD);
            ObjectId heidi = meta.customer("heidi@old.example", "Heidi", "Hill", DEMO_PASSWORD);

            ModuleRef basics = meta.module("Basics", "1.0.0", admin, true);
            List<ClassRef> basicsClasses = basicsClasses(meta, basics);
            ClassRef user = basicsClasses.get(0);

            ModuleRef core = meta.module("ConferenceCore", "2.0.0", alice, false, basics);
            ClassRef person = meta.metaModel(core, "Person", user, attr("firstName", "String"),
                    attr("lastName", "String"), indexed("email", "String"));
            ClassRef conference = meta.metaModel(core, "Conference", null, attr("name", "String"),
                    attr("startsOn", "Date"));
            meta.metaModel(core, "Session", null, attr("title", "String"), attr("startsAt", "Date"),
                    ref("conference", conference));
            meta.metaModel(core, "LegacyBadge", null, attr("printedName", "String"), ref("holder", person));

            ModuleRef speakers = meta.module("Speakers", "1.2.0", alice, false, core);
            meta.metaModel(speakers, "Speaker", person, attr("bio", "String"));

            ModuleRef helpDesk = meta.module(sourceSpeakersModuleId(scale), "HelpDesk", "1.0.0", grace, false,
                    basics);
            ClassRef agent = meta.metaModel(helpDesk, "Agent", user, attr("team", "String"));
            meta.metaModel(helpDesk, "Ticket", null, attr("subject", "String"), ref("assignee", agent),
                    attr("openedAt", "Date"));

            List<ModuleRef> conferenceModules = List.of(basics, core, speakers);
            meta.application("ConferenceApp", "Conference App (2023)", alice, List.of(heidi), free,
                    used(conferenceModules, conferenceModules, null));
            meta.application("HelpDesk", "Help Desk", grace, List.of(alice), enterprise,
                    used(List.of(basics, core, helpDesk), null, List.of(basics, core, helpDesk)));
            meta.writeTo(client.getDatabase("apiomat"));

            DataPlan data = new DataPlan(new InstanceDataWriter(ids, scale), scale, Map.of());
            data.write(client, "ConferenceApp", DatabaseNaming.DASHED, Set.of(SystemKind.LIVE, SystemKind.STAGING),
                    meta.storedClasses(conferenceModules));
            data.write(client, "HelpDesk", DatabaseNaming.DASHED, Set.of(SystemKind.LIVE, SystemKind.TEST),
                    meta.storedClasses(List.of(basics, helpDesk)));
        }
    }
}
