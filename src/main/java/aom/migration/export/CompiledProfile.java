package aom.migration.export;

import aom.migration.model.BadInputException;
import aom.migration.model.ExtractionProfile.CollectionSpec;
import aom.migration.model.ExtractionProfile.KeyReference;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.FieldPath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The extraction profile with its field paths parsed once, and the parent-child links turned around. */
final class CompiledProfile {

    /** One id reference: {@code path} holds ids of documents in {@code target}. */
    record IdReference(String name, FieldPath path, String target) {
    }

    /** One key reference: {@code path} holds sub-documents that name a document of {@code target} by its key. */
    record KeyLink(String name, FieldPath path, KeyReference reference, boolean declaring) {
    }

    /** A collection whose documents belong to a document of another: {@code parentPath} points at the parent. */
    record Child(String collection, FieldPath parentPath) {
    }

    /** One collection of the profile, compiled. */
    record Spec(String collection, CollectionSpec spec, String label, List<String> keyNames, List<FieldPath> key,
                List<IdReference> references, List<KeyLink> keyReferences, FieldPath parent, String parentTarget,
                FieldPath sharedWhen, List<Child> children, List<String> projection) {

        /** Whether documents of this collection must be declared by the application (modules). */
        boolean needsDeclaration() {
            return !spec.declaredThrough().isEmpty();
        }

        /** The id reference a key field stands for, or {@code null} when the key field is a plain value. */
        IdReference referenceFor(String keyName) {
            return references.stream().filter(reference -> reference.name().equals(keyName)).findFirst()
                    .orElse(null);
        }
    }

    private final ExtractionProfile profile;
    private final Map<String, Spec> specs = new LinkedHashMap<>();

    CompiledProfile(ExtractionProfile profile) {
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            throw new BadInputException("The extraction profile is not valid: " + String.join("; ", problems));
        }
        this.profile = profile;
        Map<String, List<Child>> children = new LinkedHashMap<>();
        profile.collections().forEach((name, spec) -> {
            if (spec.parent() != null) {
                children.computeIfAbsent(spec.references().get(spec.parent()), k -> new ArrayList<>())
                        .add(new Child(name, FieldPath.parse(spec.parent())));
            }
        });
        profile.collections().forEach((name, spec) -> specs.put(name, compile(name, spec,
                children.getOrDefault(name, List.of()))));
    }

    ExtractionProfile profile() {
        return profile;
    }

    /** The metadata database. */
    String database() {
        return profile.database();
    }

    Spec spec(String collection) {
        Spec spec = specs.get(collection);
        if (spec == null) {
            throw new IllegalArgumentException("The extraction profile has no collection '" + collection + "'");
        }
        return spec;
    }

    /** Every collection, in the profile's order. */
    List<String> collections() {
        return List.copyOf(specs.keySet());
    }

    private Spec compile(String name, CollectionSpec spec, List<Child> children) {
        Set<String> projection = new LinkedHashSet<>();
        projection.add("_id");
        List<FieldPath> key = new ArrayList<>();
        for (String field : spec.key()) {
            FieldPath path = FieldPath.parse(field);
            key.add(path);
            projection.add(path.topLevelField());
        }
        List<IdReference> references = new ArrayList<>();
        spec.references().forEach((field, target) -> {
            FieldPath path = FieldPath.parse(field);
            references.add(new IdReference(field, path, target));
            projection.add(path.topLevelField());
        });
        List<KeyLink> keyReferences = new ArrayList<>();
        spec.keyReferences().forEach((field, reference) -> {
            FieldPath path = FieldPath.parse(field);
            CollectionSpec target = profile.collection(reference.collection());
            boolean declaring = target.declaredThrough().contains(name + ":" + field);
            keyReferences.add(new KeyLink(field, path, reference, declaring));
            projection.add(path.topLevelField());
        });
        FieldPath parent = spec.parent() == null ? null : FieldPath.parse(spec.parent());
        FieldPath sharedWhen = spec.sharedWhen() == null ? null : FieldPath.parse(spec.sharedWhen());
        if (sharedWhen != null) {
            projection.add(sharedWhen.topLevelField());
        }
        ExtractionProfile.ApplicationSpec application = profile.application();
        if (name.equals(application.collection())) {
            projection.add(FieldPath.parse(application.nameField()).topLevelField());
            if (application.displayNameField() != null) {
                projection.add(FieldPath.parse(application.displayNameField()).topLevelField());
            }
        }
        return new Spec(name, spec, profile.label(name), List.copyOf(spec.key()), List.copyOf(key),
                List.copyOf(references), List.copyOf(keyReferences), parent,
                spec.parent() == null ? null : spec.references().get(spec.parent()), sharedWhen,
                List.copyOf(children), List.copyOf(projection));
    }
}
