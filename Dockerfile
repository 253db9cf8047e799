# One image per service, built from the jar that `mvn package` made (Spring Boot's layered jar):
#
#   docker build --build-arg SERVICE=order-service -t sagashop/order-service:0.1.0 .
#
# SERVICE is one of orchestrator, order-service, payment-service, inventory-service,
# delivery-service, identity-service. The layers go from least to most often changed, so a new
# release of the shop's code pushes only the last one.
ARG JAVA_IMAGE=eclipse-temurin:17-jre

FROM ${JAVA_IMAGE} AS layers
ARG SERVICE
WORKDIR /layers
COPY ${SERVICE}/target/${SERVICE}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM ${JAVA_IMAGE}
ARG SERVICE
LABEL org.opencontainers.image.title="sagashop ${SERVICE}" \
      org.opencontainers.image.source="https://github.com/sagashop/sagashop"
# A fixed numeric user, so that Kubernetes can check runAsNonRoot without reading /etc/passwd.
RUN groupadd --system --gid 10001 sagashop \
 && useradd --system --uid 10001 --gid sagashop --no-create-home --shell /usr/sbin/nologin sagashop
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER 10001:10001
# 8080 serves the shop; 8081 the actuator (probes, metrics), which no Service publishes.
EXPOSE 8080 8081
# The heap follows the container's memory limit; an OutOfMemoryError ends the JVM so that
# Kubernetes restarts the pod instead of leaving it half alive.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
