package io.sagashop.identity.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The pages a customer meets before the shop: register, sign in. */
@Controller
class RegistrationController {

  private final Accounts accounts;
  private final RegistrationThrottle throttle;

  RegistrationController(Accounts accounts, RegistrationThrottle throttle) {
    this.accounts = accounts;
    this.throttle = throttle;
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/register")
  String registration(@ModelAttribute("registration") Registration registration) {
    return "register";
  }

  /** Then back to signing in, which continues where the customer came from (the shop page). */
  @PostMapping("/register")
  String register(@Valid @ModelAttribute("registration") Registration registration, BindingResult errors, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    if (!throttle.take(request)) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttle.pause().toSeconds()));
      errors.reject("slowdown", "Too many new accounts from here. Please try again later.");
      return "register";
    }
    if (errors.hasErrors()) {
      return "register";
    }
    if (!accounts.registerCustomer(registration.username(), registration.password())) {
      errors.rejectValue("username", "taken", "This name is taken; choose another.");
      return "register";
    }
    return "redirect:/login?registered";
  }

  /** The customer's name is their id in the shop: in orders, in the view, on the page. */
  record Registration(
      @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "letters, digits and . _ @ - only") String username,
      @NotBlank @Size(min = 10, max = 128, message = "at least 10 characters") String password) {}
}
