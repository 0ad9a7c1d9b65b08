package aom.migration.demo;

import aom.migration.model.PasswordHash;
import aom.migration.model.SystemKind;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the documents of one installation's global {@code apiomat} database in the reference schema
 * (DESIGN.md section 3) and writes them. Metadata is small, so it is kept in memory until {@link #writeTo}.
 */
final class MetadataBuilder {

    /** Iterations for demo password hashes: lower than production so that the demo starts instantly. */
    static final int DEMO_ITERATIONS = 1_000;
    static final int JAR_CHUNK_SIZE = 255 * 1024;

    record ModuleRef(ObjectId id, String name, String version) {
        Document key() {
            return new Document("name", name).append("version", version);
        }
    }

    record Attribute(String name, String type, ClassRef reference, boolean collection, boolean indexed) {
    }

    record ClassRef(ObjectId id, String name, ModuleRef module, ClassRef parent, boolean isTransient,
                    List<Attribute> attributes) {
        /** Every attribute, the inherited ones first. */
        List<Attribute> allAttributes() {
            List<Attribute> all = new ArrayList<>(parent == null ? List.of() : parent.allAttributes());
            all.addAll(attributes);
            return all;
        }

        String collectionName() {
            return module.name() + "_" + name;
        }
    }

    private final DemoIds ids;
    private final Map<String, List<Document>> collections = new LinkedHashMap<>();
    private final Map<ObjectId, Document> modules = new LinkedHashMap<>();
    private final Map<ObjectId, List<ClassRef>> classesByModule = new LinkedHashMap<>();

    MetadataBuilder(DemoIds ids) {
        this.ids = ids;
        for (String name : List.of("customers", "plans", "applications", "modules", "metamodels",
                "metamodelattributes", "modulejars.files", "modulejars.chunks")) {
            collections.put(name, new ArrayList<>());
        }
    }

    ObjectId plan(String name, int maxApplications, String monthlyPrice) {
        ObjectId id = ids.next();
        add("plans", new Document("_id", id).append("name", name).append("maxApplications", maxApplications)
                .append("maxRequestsPerMonth", (long) maxApplications * 1_000_000L)
                .append("monthlyPrice", new Decimal128(new BigDecimal(monthlyPrice)))
                .append("createdAt", ids.date(30)));
        return id;
    }

    ObjectId customer(String userName, String firstName, String lastName, String password) {
        return customer(ids.next(), userName, firstName, lastName, password);
    }

    ObjectId customer(ObjectId id, String userName, String firstName, String lastName, String password) {
        add("customers", new Document("_id", id).append("userName", userName).append("email", userName)
                .append("firstName", firstName).append("lastName", lastName)
                .append("password", PasswordHash.hash(password, DEMO_ITERATIONS, ids.random()))
                .append("roles", List.of("customer")).append("createdAt", ids.date(60))
                .append("lastModifiedAt", ids.date(200)));
        return id;
    }

    ModuleRef module(String name, String version, ObjectId ownerId, boolean shared, ModuleRef... dependsOn) {
        return module(ids.next(), name, version, ownerId, shared, dependsOn);
    }

    ModuleRef module(ObjectId id, String name, String version, ObjectId ownerId, boolean shared,
                     ModuleRef... dependsOn) {
        List<Document> dependencies = new ArrayList<>();
        for (ModuleRef dependency : dependsOn) {
            dependencies.add(dependency.key());
        }
        Document module = new Document("_id", id).append("name", name).append("version", version)
                .append("description", "The " + name + " module").append("shared", shared)
                .append("ownerId", ownerId).append("dependsOn", dependencies)
                .append("releaseState", shared ? "RELEASED" : "BETA").append("moduleStatus", "ACTIVE")
                .append("createdAt", ids.date(60)).append("lastModifiedAt", ids.date(200));
        add("modules", module);
        modules.put(id, module);
        ModuleRef ref = new ModuleRef(id, name, version);
        classesByModule.put(id, new ArrayList<>());
        return ref;
    }

    ClassRef metaModel(ModuleRef module, String name, ClassRef parent, Attribute... attributes) {
        return metaModel(module, name, parent, false, attributes);
    }

    ClassRef metaModel(ModuleRef module, String name, ClassRef parent, boolean isTransient,
                       Attribute... attributes) {
        ObjectId id = ids.next();
        Document doc = new Document("_id", id).append("name", name).append("moduleId", module.id());
        if (parent != null) {
            doc.append("parentMetaModelId", parent.id());
        }
        doc.append("isTransient", isTransient).append("isGlobal", false).append("isInvisible", false)
                .append("requiredUserRoleCreate", "USER").append("requiredUserRoleRead", "GUEST")
                .append("requiredUserRoleWrite", "OWNER").append("requiredUserRoleDelete", "OWNER")
                .append("createdAt", ids.date(60)).append("lastModifiedAt", ids.date(200));
        add("metamodels", doc);
        ClassRef ref = new ClassRef(id, name, module, parent, isTransient, List.of(attributes));
        for (Attribute attribute : attributes) {
            Document attr = new Document("_id", ids.next()).append("name", attribute.name())
                    .append("metaModelId", id).append("type", attribute.type());
            if (attribute.reference() != null) {
                attr.append("refMetaModelId", attribute.reference().id());
            }
            attr.append("isCollection", attribute.collection()).append("isReference", attribute.reference() != null)
                    .append("isMandatory", attribute.name().equals("name")).append("isIndexed", attribute.indexed())
                    .append("createdAt", ids.date(60));
            add("metamodelattributes", attr);
        }
        classesByModule.get(module.id()).add(ref);
        return ref;
    }

    /** Stores a generated jar for {@code module} in the {@code modulejars} GridFS bucket and links it. */
    void nativeJar(ModuleRef module, int classes) {
        byte[] jar = jarBytes(module, classes);
        ObjectId fileId = ids.next();
        add("modulejars.files", new Document("_id", fileId).append("length", (long) jar.length)
                .append("chunkSize", JAR_CHUNK_SIZE).append("uploadDate", ids.date(90))
                .append("filename", module.name() + "-" + module.version() + ".jar")
                .append("metadata", new Document("moduleId", module.id())
                        .append("contentType", "application/java-archive")));
        for (int n = 0, offset = 0; offset < jar.length; n++, offset += JAR_CHUNK_SIZE) {
            byte[] chunk = Arrays.copyOfRange(jar, offset, Math.min(jar.length, offset + JAR_CHUNK_SIZE));
            add("modulejars.chunks", new Document("_id", ids.next()).append("files_id", fileId).append("n", n)
                    .append("data", new Binary(chunk)));
        }
        modules.get(module.id()).append("nativeJarId", fileId);
    }

    ObjectId application(String name, String displayName, ObjectId ownerId, List<ObjectId> memberIds,
                         ObjectId planId, Map<SystemKind, List<ModuleRef>> usedModules) {
        ObjectId id = ids.next();
        Document used = new Document();
        Document configuration = new Document();
        usedModules.forEach((system, refs) -> {
            used.append(system.name(), refs.stream().map(ModuleRef::key).toList());
            Document config = new Document();
            for (ModuleRef ref : refs) {
                config.append(ref.name(), new Document("endpoint", "https://" + ref.name().toLowerCase()
                        + "." + system.name().toLowerCase() + ".example").append("retries", String.valueOf(3)));
            }
            configuration.append(system.name().toLowerCase() + "Config", config);
        });
        add("applications", new Document("_id", id).append("applicationName", name)
                .append("applicationDisplayName", displayName)
                .append("description", displayName + ", an ApiOmat demo application")
                .append("applicationStatus", "ACTIVE")
                .append("apiKeys", new Document("liveApiKey", hex(16)).append("stagingApiKey", hex(16))
                        .append("testApiKey", hex(16)))
                .append("ownerId", ownerId).append("memberIds", memberIds).append("planId", planId)
                .append("configuration", configuration).append("usedModules", used)
                .append("createdAt", ids.date(30)).append("lastModifiedAt", ids.date(300)));
        return id;
    }

    /** The stored classes of {@code modules}, i.e. those that have instance collections. */
    List<ClassRef> storedClasses(List<ModuleRef> modules) {
        List<ClassRef> result = new ArrayList<>();
        for (ModuleRef module : modules) {
            for (ClassRef ref : classesByModule.get(module.id())) {
                if (!ref.isTransient()) {
                    result.add(ref);
                }
            }
        }
        return result;
    }

    void writeTo(MongoDatabase apiomat) {
        collections.forEach((name, docs) -> {
            if (!docs.isEmpty()) {
                apiomat.getCollection(name).insertMany(docs);
            }
        });
        apiomat.getCollection("customers").createIndex(new Document("userName", 1),
                new IndexOptions().unique(true));
        apiomat.getCollection("applications").createIndex(new Document("applicationName", 1),
                new IndexOptions().unique(true));
        apiomat.getCollection("modules").createIndex(new Document("name", 1).append("version", 1),
                new IndexOptions().unique(true));
        apiomat.getCollection("modulejars.chunks").createIndex(new Document("files_id", 1).append("n", 1),
                new IndexOptions().unique(true));
    }

    private void add(String collection, Document document) {
        collections.get(collection).add(document);
    }

    private String hex(int bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : ids.bytes(bytes)) {
            text.append(String.format("%02x", b));
        }
        return text.toString();
    }

    private byte[] jarBytes(ModuleRef module, int classes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            long time = Date.from(Instant.parse("2024-03-01T08:00:00Z")).getTime();
            ZipEntry manifest = new ZipEntry("META-INF/MANIFEST.MF");
            manifest.setTime(time);
            zip.putNextEntry(manifest);
            zip.write(("Manifest-Version: 1.0\nImplementation-Title: " + module.name() + "\nImplementation-Version: "
                    + module.version() + "\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < classes; i++) {
                ZipEntry entry = new ZipEntry("com/apiomat/nm/" + module.name().toLowerCase() + "/Hook" + i
                        + ".class");
                entry.setTime(time);
                entry.setMethod(ZipEntry.STORED);
                byte[] content = ids.bytes(40_000);
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setSize(content.length);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
