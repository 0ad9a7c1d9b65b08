package aom.migration.mongo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UriRedactionTest {

    @Test
    void passwordsInsideTextAreMasked() {
        assertThat(UriRedaction.redact("connecting to mongodb://admin:topsecret@db1:27017,db2/app now"))
                .isEqualTo("connecting to mongodb://admin:*****@db1:27017,db2/app now");
        assertThat(UriRedaction.redact("a mongodb+srv://u:pw@cluster.example/ and mongodb://v:pw2@h/"))
                .isEqualTo("a mongodb+srv://u:*****@cluster.example/ and mongodb://v:*****@h/");
    }

    @Test
    void unencodedAtSignsInPasswordsAreMaskedEntirely() {
        assertThat(UriRedaction.redact("mongodb://bob:p@ss@w0rd@host:27017/"))
                .isEqualTo("mongodb://bob:*****@host:27017/");
    }

    @Test
    void textWithoutSecretsIsUnchanged() {
        String text = "mongodb://host:27017/?replicaSet=rs0 user bob@example.org";
        assertThat(UriRedaction.redact(text)).isEqualTo(text);
        assertThat(UriRedaction.redact(null)).isNull();
    }

    @Test
    void passwordOptionsAreMasked() {
        assertThat(UriRedaction.redact("mongodb://h/?tlsCertificateKeyFilePassword=abc&tls=true"))
                .isEqualTo("mongodb://h/?tlsCertificateKeyFilePassword=*****&tls=true");
    }
}
