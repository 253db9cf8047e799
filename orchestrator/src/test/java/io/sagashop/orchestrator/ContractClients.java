package io.sagashop.orchestrator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import feign.Feign;
import feign.optionals.OptionalDecoder;
import io.sagashop.platform.client.ProblemErrorDecoder;
import org.springframework.beans.factory.ObjectFactory;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.cloud.openfeign.support.ResponseEntityDecoder;
import org.springframework.cloud.openfeign.support.SpringDecoder;
import org.springframework.cloud.openfeign.support.SpringEncoder;
import org.springframework.cloud.openfeign.support.SpringMvcContract;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * The orchestrator's Feign clients as the application builds them (Spring MVC annotations, Jackson,
 * the platform's problem decoder), without the application: a consumer's contract test runs them
 * against the producer's examples in the fast tier.
 */
public final class ContractClients {

  private static final ObjectMapper JSON =
      new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private ContractClients() {}

  public static <T> T client(Class<T> type, String url) {
    ObjectFactory<HttpMessageConverters> converters = () -> new HttpMessageConverters(new MappingJackson2HttpMessageConverter(JSON));
    return Feign.builder()
        .contract(new SpringMvcContract())
        .encoder(new SpringEncoder(converters))
        .decoder(new OptionalDecoder(new ResponseEntityDecoder(new SpringDecoder(converters))))
        .errorDecoder(new ProblemErrorDecoder(JSON))
        .target(type, url);
  }
}
