package io.sagashop.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardImageTest {

  private static final Path DASHBOARDS = Path.of("..", "..", "k8s", "components", "monitoring", "dashboards");
  private static final Instant TO = Instant.parse("2026-12-02T12:00:00Z");
  private static final Instant FROM = TO.minus(Duration.ofMinutes(10));

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void readsEveryPanelAndQueryOfTheShopsDashboards() throws Exception {
    List<Dashboard> dashboards = shopDashboards();
    assertThat(dashboards).extracting(Dashboard::uid).containsExactlyInAnyOrder("sagashop-overview", "sagashop-saga-steps", "sagashop-infrastructure");
    for (Dashboard dashboard : dashboards) {
      assertThat(dashboard.panels()).allSatisfy(panel -> {
        assertThat(panel.type()).isIn("timeseries", "stat");
        assertThat(panel.queries()).isNotEmpty().allSatisfy(query -> assertThat(query.expression()).isNotBlank());
        assertThat(panel.x() + panel.width()).isLessThanOrEqualTo(Dashboard.COLUMNS);
      });
    }
  }

  @Test
  void asksEveryQueryOverTheRangeAndDrawsEachPanelInItsPlace() throws Exception {
    Dashboard overview = shopDashboards().stream().filter(dashboard -> dashboard.uid().equals("sagashop-overview")).findFirst().orElseThrow();
    List<String> asked = new ArrayList<>();
    SeriesSource source = (expression, from, to, step) -> {
      asked.add(expression);
      assertThat(from).isEqualTo(FROM);
      assertThat(to).isEqualTo(TO);
      return expression.contains("sagashop_dead_letters_total") ? List.of() : List.of(rising(Map.of("outcome", "closed")));
    };

    BufferedImage image = DashboardImage.draw(overview, source, FROM, TO, Duration.ofSeconds(15));

    assertThat(asked).containsExactlyElementsOf(overview.panels().stream().flatMap(panel -> panel.queries().stream()).map(Dashboard.Query::expression).toList());
    assertThat(image.getWidth()).isEqualTo(DashboardImage.WIDTH);
    int rows = overview.panels().stream().mapToInt(panel -> panel.y() + panel.height()).max().orElseThrow();
    assertThat(image.getHeight()).isGreaterThan(rows * 30);
  }

  @Test
  void legendsNameEachSeriesByItsLabelsAsGrafanaDoes() {
    Dashboard.Query query = new Dashboard.Query("sum by (step, outcome) (x)", "{{step}}: {{outcome}}");
    assertThat(query.legend(Map.of("step", "reserve stock", "outcome", "out-of-stock"))).isEqualTo("reserve stock: out-of-stock");
    assertThat(query.legend(Map.of("step", "charge"))).isEqualTo("charge: ");
  }

  @Test
  void readsPrometheusRangeAnswersWithGapsForWhatIsNotANumber() throws Exception {
    String body = """
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"outcome":"closed"},"values":[[1764676800,"1.5"],[1764676815,"NaN"],[1764676830,"2"]]}]}}""";

    List<SeriesSource.Series> series = PrometheusApi.parse(body);

    assertThat(series).singleElement().satisfies(one -> {
      assertThat(one.labels()).containsEntry("outcome", "closed");
      assertThat(one.samples()).extracting(SeriesSource.Series.Sample::value).containsExactly(1.5, 2.0);
      assertThat(one.samples().get(1).time()).isEqualTo(Instant.ofEpochSecond(1764676830));
    });
  }

  @Test
  void writesAPngAPersonCanOpen(@TempDir Path directory) throws Exception {
    Dashboard steps = shopDashboards().get(0);
    Path file = DashboardImage.write(DashboardImage.draw(steps, (expression, from, to, step) -> List.of(), FROM, TO, Duration.ofSeconds(15)),
        directory.resolve("nested").resolve("steps.png"));
    assertThat(javax.imageio.ImageIO.read(file.toFile())).isNotNull();
  }

  private static SeriesSource.Series rising(Map<String, String> labels) {
    List<SeriesSource.Series.Sample> samples = new ArrayList<>();
    for (Instant time = FROM; !time.isAfter(TO); time = time.plusSeconds(15)) {
      samples.add(new SeriesSource.Series.Sample(time, Duration.between(FROM, time).toSeconds() / 60.0));
    }
    return new SeriesSource.Series(labels, samples);
  }

  private static List<Dashboard> shopDashboards() throws Exception {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().map(Dashboard::read).toList();
    }
  }
}
