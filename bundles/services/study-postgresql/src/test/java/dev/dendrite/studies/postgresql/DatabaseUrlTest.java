package dev.dendrite.studies.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void theUrlsCredentialsComeFirstThenTheConfiguredOnesThenTheEnvironments() {
        Map<String, String> env = Map.of("PGUSER", "envuser", "PGPASSWORD", "envpw");
        DatabaseUrl own = DatabaseUrl.parse("postgresql://ann:p%40ss@db.example:6543/studies?sslmode=require", "cfg", "cfgpw", env);
        assertEquals("ann", own.user());
        assertEquals("p@ss", own.password());
        assertEquals("jdbc:postgresql://db.example:6543/studies?sslmode=require", own.properties().getProperty("url"));
        assertEquals("postgresql://ann:***@db.example:6543/studies?sslmode=require", own.toString());

        DatabaseUrl configured = DatabaseUrl.parse("postgresql://db.example/studies", "cfg", "cfgpw", env);
        assertEquals("cfg", configured.user());
        assertEquals("cfgpw", configured.password());
        assertEquals(5432, configured.port());

        DatabaseUrl environment = DatabaseUrl.parse("postgresql://db.example/studies", "", "", env);
        assertEquals("envuser", environment.user());
        assertEquals("envpw", environment.password());
        assertEquals("postgresql://envuser:***@db.example:5432/studies", environment.toString());
    }

    @Test
    void aBadUrlIsNamedWithItsPasswordMasked() {
        assertEquals("study storage postgresql://ann:***@db.example names no database (expected postgresql://host:port/database)",
                assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgresql://ann:secret@db.example", "", "", Map.of()))
                        .getMessage());
        String m = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgresql://ann:secret@db example/x", "", "", Map.of()))
                .getMessage();
        assertFalse(m.contains("secret"), m);
        assertEquals("study storage mysql://h/x is not a PostgreSQL URL (expected postgresql://host:port/database)",
                assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("mysql://h/x", "", "", Map.of())).getMessage());
    }

    @Test
    void hideMasksThePasswordInAnyMessage() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://ann:hunter2@h/x", "", "", Map.of());
        assertEquals("FATAL: password hunter*** wrong".replace("***", "2").replace("hunter2", "***"), u.hide("FATAL: password hunter2 wrong"));
    }
}
