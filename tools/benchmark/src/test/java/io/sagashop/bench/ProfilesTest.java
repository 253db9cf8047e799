package io.sagashop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's recording, read back as the share of its samples each library's code took. */
class ProfilesTest {

  @TempDir
  Path recordings;

  @Test
  void shouldNameALibraryByItsFirstThreePackageNamesOrTheNameItsPackagesShare() {
    assertThat(Profiles.libraryOf("org.camunda.bpm.engine.impl.persistence.entity.JobEntity")).isEqualTo("org.camunda.bpm");
    assertThat(Profiles.libraryOf("org.hibernate.engine.internal.StatefulPersistenceContext")).isEqualTo("org.hibernate");
    assertThat(Profiles.libraryOf("org.hibernate.internal.SessionImpl")).isEqualTo("org.hibernate");
    assertThat(Profiles.libraryOf("feign.Client")).isEqualTo("feign");
    assertThat(Profiles.libraryOf("TopLevel")).isEqualTo("TopLevel");
  }

  @Test
  void shouldNameAMethodByItsClassAndALambdaByTheClassThatWroteIt() {
    assertThat(Profiles.methodName("org.springframework.security.crypto.bcrypt.BCrypt", "encipher")).isEqualTo("BCrypt.encipher");
    assertThat(Profiles.methodName("org.hibernate.Foo$$Lambda$1204/0x0000000801a3c.1324982385", "apply")).isEqualTo("Foo$$Lambda.apply");
  }

  @Test
  void shouldCountTheSamplesOfTheWindowByTheFirstFrameOutsideTheJdk() throws Exception {
    Path earlier = Files.writeString(recordings.resolve("earlier.jfr"), "left from another run");
    assertThat(Profiles.recordingInto(recordings)).singleElement().asString()
        .startsWith("-XX:StartFlightRecording=").endsWith("filename=" + recordings.toAbsolutePath() + "/");
    assertThat(earlier).doesNotExist();

    Instant from = Instant.now();
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
      recording.enable("jdk.JVMInformation");
      recording.start();
      busyInThisTest(Duration.ofMillis(600));
      recording.stop();
      recording.dump(recordings.resolve("service.jfr"));
    }

    List<Profiles.Profile> profiles = Profiles.read(recordings, from, Instant.now());
    assertThat(profiles).singleElement().satisfies(profile -> {
      assertThat(profile.samples()).isPositive();
      assertThat(profile.byLibrary().keySet()).first().isEqualTo("io.sagashop.bench");
      assertThat(profile.byMethod().keySet()).first().isEqualTo("ProfilesTest.busyInThisTest");
      assertThat(profile.byLibrary().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(profile.samples());
    });
    assertThat(Profiles.read(recordings, from.minusSeconds(60), from.minusSeconds(30)))
        .singleElement().extracting(Profiles.Profile::samples).isEqualTo(0);
  }

  /** Work whose samples have this class as their first frame outside the JDK. */
  private static void busyInThisTest(Duration duration) {
    long until = System.nanoTime() + duration.toNanos();
    double sink = 0;
    while (System.nanoTime() < until) {
      sink += Math.sqrt(sink + System.nanoTime() % 7);
    }
    assertThat(sink).isPositive();
  }
}
